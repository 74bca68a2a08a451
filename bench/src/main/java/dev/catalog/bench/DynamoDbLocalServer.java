package dev.catalog.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * DynamoDB Local in its own JVM on loopback, so that every call of a function crosses a real socket to another
 * process, as it crosses the network to DynamoDB in the cloud.
 */
final class DynamoDbLocalServer implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final Process process;
  private final int port;

  private DynamoDbLocalServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the server from {@code classpath} (the benchmark's own, which holds DynamoDB Local in test scope) on a
   * free port, pinned to {@code cpu}, and returns once it accepts connections.
   */
  static DynamoDbLocalServer start(String classpath, Path sqliteNatives, int cpu, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    Files.createDirectories(log.getParent());
    var builder =
        new ProcessBuilder(
                List.of(
                    "taskset",
                    "-c",
                    Integer.toString(cpu),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", // sqlite4java's JNI library, without JDK
                    // 24+'s warning
                    "-Dsqlite4java.library.path=" + sqliteNatives,
                    "-cp",
                    classpath,
                    "software.amazon.dynamodb.services.local.main.ServerRunner", // DynamoDB Local
                    // 3.x moved it
                    // here
                    "-inMemory",
                    "-sharedDb",
                    "-disableTelemetry",
                    "-port",
                    Integer.toString(port)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("DDB_LOCAL_TELEMETRY", "0");
    var server = new DynamoDbLocalServer(ChildProcesses.start(builder), port);
    try {
      server.awaitPort();
    } catch (IOException | RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (true) {
      try (var socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IOException(
              "DynamoDB Local exited with " + process.exitValue() + " before listening");
        }
        if (System.nanoTime() > deadline) {
          throw new IOException(
              "DynamoDB Local did not listen on port " + port + " within " + STARTUP);
        }
        Thread.sleep(100);
      }
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    ChildProcesses.kill(process);
  }
}

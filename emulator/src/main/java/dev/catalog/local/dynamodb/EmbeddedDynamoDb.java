package dev.catalog.local.dynamodb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local running inside this JVM: in memory (or in a directory, for the local API), one database for all
 * credentials and regions ({@code -sharedDb}, so any client sees the same tables), telemetry off, on a free port
 * reached through the loopback address.
 */
public final class EmbeddedDynamoDb implements DynamoDbTarget {
  private static final String NATIVES_PROPERTY = "sqlite4java.library.path";
  private static final Path MAVEN_NATIVES = Path.of("target", "native-libs");
  private static final int ATTEMPTS = 3;

  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Starts a server. Retries with another port, since a free port found now can be taken before the server binds.
   *
   * @throws IllegalStateException when the sqlite4java natives cannot be found or the server does not start
   */
  public static EmbeddedDynamoDb start() {
    return start(null);
  }

  /**
   * Like {@link #start()}, but keeping the data in {@code dataDirectory} (created if missing) across restarts, or in
   * memory when it is null.
   */
  public static EmbeddedDynamoDb start(Path dataDirectory) {
    locateNatives();
    String[] storage = {"-inMemory"};
    if (dataDirectory != null) {
      try {
        Files.createDirectories(dataDirectory);
      } catch (IOException e) {
        throw new IllegalStateException(
            "Cannot create the data directory " + dataDirectory.toAbsolutePath(), e);
      }
      storage = new String[] {"-dbPath", dataDirectory.toAbsolutePath().toString()};
    }
    Exception last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = freeLoopbackPort();
      try {
        List<String> arguments = new ArrayList<>(List.of(storage));
        arguments.addAll(
            List.of("-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)));
        DynamoDBProxyServer server =
            ServerRunner.createServerFromCommandLineArgs(arguments.toArray(String[]::new));
        server.start();
        return new EmbeddedDynamoDb(server, port);
      } catch (Exception e) {
        last = e;
      }
    }
    throw new IllegalStateException(
        "DynamoDB Local did not start after " + ATTEMPTS + " attempts", last);
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** Its threads are not daemons: without this the JVM would not exit. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
    }
  }

  /**
   * Surefire passes the natives' directory; a tool started another way (IDE, exec) finds the one Maven fills, and
   * anything else fails here rather than with an obscure error on the first request.
   */
  private static void locateNatives() {
    if (System.getProperty(NATIVES_PROPERTY) != null) {
      return;
    }
    if (!Files.isDirectory(MAVEN_NATIVES)) {
      throw new IllegalStateException(
          "sqlite4java natives for DynamoDB Local not found: set -D"
              + NATIVES_PROPERTY
              + " or run './mvnw process-test-resources' once to fill "
              + MAVEN_NATIVES.toAbsolutePath());
    }
    System.setProperty(NATIVES_PROPERTY, MAVEN_NATIVES.toAbsolutePath().toString());
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port on the loopback interface", e);
    }
  }
}

package dev.catalog.local;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./mvnw -Plocal} as a process of its own: {@link LocalMain} in a JVM started from this test's class path less
 * the functions' own classes (so, as under {@code ./mvnw -Plocal}, the tool finds them where the template's
 * {@code CodeUri} says, in {@code functions/target/classes}), with the exec plugin's options, its standard output and standard error kept apart, line by line. For what only a
 * separate process shows: what goes to which stream, a file lock held by another process, a process killed.
 */
final class LocalProcess implements AutoCloseable {
  static final Duration START = Duration.ofSeconds(90);
  private static final Pattern READY =
      Pattern.compile(
          "Local API ready on (http://localhost:\\d+)(?:, WebSocket API on (ws://localhost:\\d+))?");

  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();
  private final Thread outReader;
  private final Thread errReader;

  private LocalProcess(Process process) {
    this.process = process;
    this.outReader = read(process.getInputStream(), out, "out");
    this.errReader = read(process.getErrorStream(), err, "err");
  }

  /** Starts {@code LocalMain} with these {@code -D} settings (each {@code name=value}), in the project folder. */
  static LocalProcess start(String... settings) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Dsqlite4java.library.path=" + System.getProperty("sqlite4java.library.path")));
    for (String setting : settings) {
      command.add("-D" + setting);
    }
    String functions = Path.of("functions", "target").toAbsolutePath().toString();
    String classPath =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !Path.of(entry).toAbsolutePath().startsWith(functions))
            .collect(Collectors.joining(File.pathSeparator));
    command.addAll(List.of("-cp", classPath, LocalMain.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("DDB_LOCAL_TELEMETRY", "0");
    try {
      return new LocalProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Thread read(InputStream stream, List<String> lines, String name) {
    return Thread.ofPlatform()
        .daemon()
        .name("local-process-" + name)
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException ended) {
                // The process is gone.
              }
            });
  }

  long pid() {
    return process.pid();
  }

  /** Standard output so far. */
  List<String> out() {
    synchronized (out) {
      return List.copyOf(out);
    }
  }

  /** Standard error so far. */
  List<String> err() {
    synchronized (err) {
      return List.copyOf(err);
    }
  }

  /** The first line of standard output or error that matches, waiting for it; fails with both streams if none comes. */
  String await(Predicate<String> wanted, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      for (List<String> lines : List.of(out(), err())) {
        for (String line : lines) {
          if (wanted.test(line)) {
            return line;
          }
        }
      }
      if (!process.isAlive() && !outReader.isAlive() && !errReader.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "No such line within "
            + wait
            + " (alive: "
            + process.isAlive()
            + ")\n--- out:\n"
            + String.join("\n", out())
            + "\n--- err:\n"
            + String.join("\n", err()));
  }

  /** Waits for the ready line; the REST API's URL, then the WebSocket API's (null without one). */
  List<URI> awaitReady() throws InterruptedException {
    Matcher ready = READY.matcher(await(line -> READY.matcher(line).lookingAt(), START));
    ready.lookingAt();
    List<URI> urls = new ArrayList<>();
    urls.add(URI.create(ready.group(1)));
    urls.add(ready.group(2) == null ? null : URI.create(ready.group(2)));
    return urls;
  }

  /** Waits for the process to end on its own; its exit status. */
  int awaitExit(Duration wait) throws InterruptedException {
    if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "Still running after " + wait + "\n--- err:\n" + String.join("\n", err()));
    }
    drain();
    return process.exitValue();
  }

  /**
   * Stops it as Ctrl-C or kill does (SIGTERM: its shutdown hook runs) and waits until it has ended, reading what it
   * prints meanwhile. Through its handle: {@link Process#destroy()} would also close the pipes it prints into.
   */
  int stop() throws InterruptedException {
    process.toHandle().destroy();
    return awaitExit(Duration.ofSeconds(60));
  }

  /** Kills it as a crash would (SIGKILL: nothing of it runs any more) and waits until it is gone. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    drain();
  }

  /** Until both streams have been read to their end (the process has ended: they end with it). */
  private void drain() throws InterruptedException {
    outReader.join(Duration.ofSeconds(30));
    errReader.join(Duration.ofSeconds(30));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}

package dev.catalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One execution environment's JVM: started fresh for a cold start, killed after its last invocation. */
final class FunctionProcess implements AutoCloseable {

  private final Process process;
  private final long startNanos;

  private FunctionProcess(Process process, long startNanos) {
    this.process = process;
    this.startNanos = startNanos;
  }

  /**
   * Starts {@code command} in {@code taskRoot}, the working directory the runtime interface client loads the
   * function from, with exactly {@code environment} (nothing inherited from the benchmark).
   */
  static FunctionProcess start(
      List<String> command, Map<String, String> environment, Path taskRoot, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    var builder =
        new ProcessBuilder(command)
            .directory(taskRoot.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    return new FunctionProcess(ChildProcesses.start(builder), start);
  }

  /** {@link System#nanoTime()} just before the process was created. */
  long startNanos() {
    return startNanos;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The peak resident set size so far in KiB ({@code VmHWM}). {@code taskset} execs the JVM, so the pid is the
   * JVM's.
   */
  long peakRssKib() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
      }
    }
    throw new IOException("no VmHWM in /proc/" + process.pid() + "/status");
  }

  @Override
  public void close() {
    ChildProcesses.kill(process);
  }
}

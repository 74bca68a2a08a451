package dev.catalog.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The processes the benchmark started, so that none outlives it: each is killed when its owner closes it, and a
 * shutdown hook kills whatever is left when the benchmark fails or is interrupted.
 */
final class ChildProcesses {

  private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> STARTED.forEach(ChildProcesses::kill), "bench-cleanup"));
  }

  private ChildProcesses() {}

  static Process start(ProcessBuilder builder) throws java.io.IOException {
    Process process = builder.start();
    STARTED.add(process);
    return process;
  }

  /** Kills the process (SIGKILL, as Lambda ends an environment) and waits until it is gone. */
  static void kill(Process process) {
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        System.err.println("process " + process.pid() + " did not exit after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    STARTED.remove(process);
  }
}

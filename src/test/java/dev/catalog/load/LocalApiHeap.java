package dev.catalog.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local API's heap, read from outside its JVM with {@code jcmd} (the local API's process is the one running
 * {@code dev.catalog.local.LocalMain}): used heap after a full GC, so a leak shows as growth between two readings.
 */
final class LocalApiHeap {
  private final Optional<ProcessHandle> process;

  private LocalApiHeap(Optional<ProcessHandle> process) {
    this.process = process;
  }

  static LocalApiHeap find() {
    return new LocalApiHeap(ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("dev.catalog.local.LocalMain")).findFirst());
  }

  /** e.g. "41 MiB used of 256 MiB", or why it could not be read. */
  String afterFullGc() {
    if (process.isEmpty()) {
      return "unknown (no local API process found)";
    }
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      String pid = Long.toString(process.get().pid());
      run(jcmd.toString(), pid, "GC.run");
      String info = run(jcmd.toString(), pid, "GC.heap_info");
      var matcher = java.util.regex.Pattern.compile("total (?:reserved )?(\\d+)K, (?:committed \\d+K, )?used (\\d+)K")
          .matcher(info);
      return matcher.find() ? (Long.parseLong(matcher.group(2)) / 1024) + " MiB used of "
          + (Long.parseLong(matcher.group(1)) / 1024) + " MiB" : info.lines().skip(1).findFirst().orElse(info);
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown (interrupted)";
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }
}

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
  private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

  private final Optional<String> process;

  private LocalApiHeap(Optional<String> process) {
    this.process = process;
  }

  /** The JVM {@code jcmd -l} lists with LocalMain as its main class (a command line can be too long to read). */
  static LocalApiHeap find() {
    try {
      return new LocalApiHeap(
          run(JCMD.toString(), "-l")
              .lines()
              .filter(line -> line.contains("dev.catalog.local.LocalMain"))
              .map(line -> line.split(" ", 2)[0])
              .findFirst());
    } catch (IOException e) {
      return new LocalApiHeap(Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new LocalApiHeap(Optional.empty());
    }
  }

  /** e.g. "41 MiB used of 256 MiB", or why it could not be read. */
  String afterFullGc() {
    if (process.isEmpty()) {
      return "unknown (no local API process found)";
    }
    try {
      String pid = process.get();
      run(JCMD.toString(), pid, "GC.run");
      String info = run(JCMD.toString(), pid, "GC.heap_info");
      // One "total ..K, used ..K" line per generation (serial GC: young and tenured; G1: one for
      // the heap).
      var matcher =
          java.util.regex.Pattern.compile(
                  "total (?:reserved )?(\\d+)K, (?:committed \\d+K, )?used (\\d+)K")
              .matcher(info);
      long total = 0;
      long used = 0;
      while (matcher.find()) {
        total += Long.parseLong(matcher.group(1));
        used += Long.parseLong(matcher.group(2));
      }
      return total == 0 ? info.strip() : (used / 1024) + " MiB used of " + (total / 1024) + " MiB";
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

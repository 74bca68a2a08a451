package dev.catalog.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A console for the local API under test: everything printed to it, readable back as text. */
public final class CapturedConsole {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  public PrintStream stream() {
    return stream;
  }

  public String text() {
    synchronized (stream) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  public List<String> lines() {
    return text().lines().toList();
  }

  /** The ready line ({@code Local API ready on ...}), or an empty string when none was printed. */
  public String readyLine() {
    return lines().stream()
        .filter(line -> line.startsWith("Local API ready on "))
        .findFirst()
        .orElse("");
  }
}

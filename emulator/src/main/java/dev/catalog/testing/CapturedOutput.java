package dev.catalog.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Everything written to standard output and standard error while open, from any thread of this JVM (the functions
 * in process and those of a local API alike), still passed on to the streams it replaced.
 */
public final class CapturedOutput implements AutoCloseable {
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private CapturedOutput() {
    System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
  }

  public static CapturedOutput start() {
    return new CapturedOutput();
  }

  private OutputStream tee(PrintStream original) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (bytes) {
          bytes.write(b, off, len);
        }
        original.write(b, off, len);
      }
    };
  }

  public String text() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  public List<String> lines() {
    return text().lines().toList();
  }

  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
  }
}

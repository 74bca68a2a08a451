package dev.catalog.local.console;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where the local tool writes, chosen here and nowhere else, by the kind of line. Standard output carries what a
 * program may read: the functions' own lines (they print to the JVM's standard output, as in Lambda) and the tool's
 * {@link RequestLog} line per request. The tool's own lines for a person (the ready line, the routes, cold starts,
 * refusals, each SNS message, stream failures) go to {@link #tool()}.
 *
 * <ul>
 *   <li>{@code -Dlocal.logs=text} (the default): everything on standard output, a request line in words.
 *   <li>{@code -Dlocal.logs=json}: standard output holds only JSON lines, the functions' and the request lines as
 *       JSON objects; the tool's own lines go to standard error.
 * </ul>
 */
public final class LocalConsole {
  /** How {@code -Dlocal.logs} asks the lines to be written. */
  public enum Format {
    TEXT,
    JSON;

    /** @throws LocalApiException for a value that is neither {@code text} nor {@code json} */
    public static Format of(String text) {
      return switch (text == null || text.isBlank()
          ? "text"
          : text.strip().toLowerCase(Locale.ROOT)) {
        case "text" -> TEXT;
        case "json" -> JSON;
        default ->
            throw new LocalApiException(
                "-Dlocal.logs=" + text + " is neither text (the default) nor json");
      };
    }
  }

  private final PrintStream tool;
  private final RequestLog requests;

  private LocalConsole(PrintStream tool, RequestLog requests) {
    this.tool = tool;
    this.requests = requests;
  }

  /**
   * @param out standard output
   * @param err standard error
   */
  public static LocalConsole of(Format format, PrintStream out, PrintStream err) {
    return switch (format) {
      case TEXT -> new LocalConsole(out, RequestLog.text(out));
      case JSON -> new LocalConsole(err, RequestLog.json(out));
    };
  }

  /** Everything on {@code out}, request lines in words: {@code -Dlocal.logs=text}. */
  public static LocalConsole text(PrintStream out) {
    return of(Format.TEXT, out, out);
  }

  /** The tool's own lines, for a person. */
  public PrintStream tool() {
    return tool;
  }

  /** The line per request the event sources write. */
  public RequestLog requests() {
    return requests;
  }
}

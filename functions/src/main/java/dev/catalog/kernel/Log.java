package dev.catalog.kernel;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One-line JSON log records on standard output, which Lambda ships to CloudWatch Logs as one event each (a stack trace
 * printed as plain lines would be split into one event per line). Small on purpose: no logging framework to load.
 *
 * <p>Also the one place that formats a log line's {@code timestamp} ({@link #timestamp}), for every line a function
 * writes (these, the request lines, the stream batch lines, the authorizer's), so they sort and compare as text.
 */
public final class Log {
  /**
   * RFC 3339 in UTC with exactly three fraction digits, e.g. {@code 2026-11-24T17:30:00.120Z}: the precision of
   * CloudWatch's own timestamps and of the EMF {@code _aws.Timestamp}, and the same width on every line.
   */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Log() {}

  /** A log line's {@code timestamp} for the instant {@code epochMillis}. */
  public static String timestamp(long epochMillis) {
    return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
  }

  public static void error(String message, String requestId, Throwable failure) {
    StringWriter stack = new StringWriter();
    failure.printStackTrace(new PrintWriter(stack));
    write("ERROR", message, requestId, failure, stack.toString());
  }

  /**
   * A failure the function recovers from, outside any invocation (a SnapStart hook): the exception's class and
   * message only, no stack trace.
   */
  public static void warning(String message, Throwable failure) {
    write("WARN", message, null, failure, null);
  }

  /** A failure the invocation {@code requestId} recovers from: the exception's class and message, no stack trace. */
  public static void warning(String message, String requestId, Throwable failure) {
    write("WARN", message, requestId, failure, null);
  }

  private static void write(
      String level, String message, String requestId, Throwable failure, String stackTrace) {
    StringWriter line = new StringWriter(512);
    try (JsonGenerator json = Json.generator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", timestamp(System.currentTimeMillis()));
      json.writeStringField("level", level);
      json.writeStringField("message", message);
      if (requestId != null) {
        json.writeStringField("requestId", requestId);
      }
      String traceId = TraceId.current();
      if (traceId != null) {
        json.writeStringField("traceId", traceId);
      }
      json.writeStringField("error", failure.toString());
      if (stackTrace != null) {
        json.writeStringField("stackTrace", stackTrace);
      }
      json.writeEndObject();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
    System.out.println(line);
  }
}

package dev.catalog.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalog.http.telemetry.TraceId;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * One-line JSON log records on standard output, which Lambda ships to CloudWatch Logs as one event each (a stack trace
 * printed as plain lines would be split into one event per line). Small on purpose: no logging framework to load.
 */
public final class Log {
  private Log() {}

  public static void error(String message, String requestId, Throwable failure) {
    StringWriter stack = new StringWriter();
    failure.printStackTrace(new PrintWriter(stack));
    write("ERROR", message, requestId, failure, stack.toString());
  }

  /** A failure the function recovers from: the exception's class and message only, no stack trace. */
  public static void warning(String message, Throwable failure) {
    write("WARN", message, null, failure, null);
  }

  private static void write(String level, String message, String requestId, Throwable failure, String stackTrace) {
    StringWriter line = new StringWriter(512);
    try (JsonGenerator json = Json.generator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Instant.now().toString());
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

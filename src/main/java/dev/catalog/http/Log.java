package dev.catalog.http;

import com.fasterxml.jackson.core.JsonGenerator;
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
    StringWriter line = new StringWriter(512);
    try (JsonGenerator json = Json.generator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Instant.now().toString());
      json.writeStringField("level", "ERROR");
      json.writeStringField("message", message);
      json.writeStringField("requestId", requestId);
      json.writeStringField("error", failure.toString());
      json.writeStringField("stackTrace", stack.toString());
      json.writeEndObject();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
    System.out.println(line);
  }
}

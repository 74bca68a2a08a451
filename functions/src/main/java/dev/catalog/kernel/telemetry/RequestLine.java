package dev.catalog.kernel.telemetry;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.Json;
import dev.catalog.kernel.Log;
import dev.catalog.kernel.TraceId;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The one line a function writes per request: a JSON object that Lambda's JSON log format takes as an application
 * log record (its {@code timestamp} and {@code level}) and CloudWatch takes as Embedded Metric Format (its
 * {@code _aws} member). Only what the function decided is written: request id, trace id, route (the template's
 * resource, never the path as sent), status, latency, cold start, the caller's principal id and the problem type;
 * never a header, query, body or token of the request.
 */
public final class RequestLine {
  /** The metrics' namespace when {@value #NAMESPACE_VARIABLE} is not set. */
  static final String DEFAULT_NAMESPACE = "ProductsApi";

  static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";

  /** What is known of a request once it is answered. */
  public record Request(
      String requestId,
      String method,
      String resource,
      int status,
      String problemType,
      String principal,
      long startedNanos,
      RequestMetrics metrics) {}

  /** The first request of this instance (class loader) is its cold start; a SnapStart restore is one too. */
  private static boolean cold = true;

  private RequestLine() {}

  /** Writes the request's line to standard output; a failure to write it never fails the request. */
  public static void write(Request request) {
    if (request.problemType() != null && request.problemType().endsWith(":validation-failed")) {
      request.metrics().count(RequestMetrics.VALIDATION_FAILURES);
    }
    if (request.status() == 412) {
      request.metrics().count(RequestMetrics.PRECONDITION_FAILURES);
    }
    boolean coldStart;
    synchronized (RequestLine.class) {
      coldStart = cold;
      cold = false;
    }
    try {
      System.out.println(format(request, coldStart, System.currentTimeMillis(), System.nanoTime()));
    } catch (RuntimeException | IOException e) {
      Log.warning("Request line not written", request.requestId(), e);
    }
  }

  /** Formats a line and drops it, so a SnapStart snapshot holds this class's code warm; writes nothing. */
  public static void prime() {
    RequestMetrics metrics = new RequestMetrics();
    metrics.count(RequestMetrics.VALIDATION_FAILURES);
    try {
      format(
          new Request("priming", "GET", "/", 200, null, null, System.nanoTime(), metrics),
          true,
          System.currentTimeMillis(),
          System.nanoTime());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String format(Request request, boolean coldStart, long nowMillis, long nowNanos)
      throws IOException {
    double latency = Math.round((nowNanos - request.startedNanos()) / 1_000.0) / 1_000.0;
    String route = request.method() + " " + (request.resource() == null ? "-" : request.resource());
    String statusClass = request.status() / 100 + "xx";
    StringWriter line = new StringWriter(768);
    try (JsonGenerator json = Json.generator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Log.timestamp(nowMillis));
      json.writeStringField("level", request.status() >= 500 ? "ERROR" : "INFO");
      json.writeStringField("message", "request");
      json.writeStringField("requestId", request.requestId());
      optional(json, "traceId", TraceId.current());
      optional(json, "function", Environment.get("AWS_LAMBDA_FUNCTION_NAME"));
      json.writeStringField("route", route);
      json.writeNumberField("status", request.status());
      json.writeStringField("statusClass", statusClass);
      json.writeBooleanField("coldStart", coldStart);
      optional(json, "principal", request.principal());
      optional(json, "problemType", request.problemType());
      json.writeNumberField("Requests", 1);
      json.writeNumberField("Latency", latency);
      if (coldStart) {
        json.writeNumberField("ColdStarts", 1);
      }
      for (Map.Entry<String, Integer> count : request.metrics().counts().entrySet()) {
        json.writeNumberField(count.getKey(), count.getValue());
      }
      metadata(json, nowMillis, coldStart, request.metrics());
      json.writeEndObject();
    }
    return line.toString();
  }

  /** EMF's {@code _aws}: Requests by route and status class; the rest by route. Names refer to members above. */
  private static void metadata(
      JsonGenerator json, long nowMillis, boolean coldStart, RequestMetrics metrics)
      throws IOException {
    String namespace = Environment.get(NAMESPACE_VARIABLE);
    namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    json.writeObjectFieldStart("_aws");
    json.writeNumberField("Timestamp", nowMillis);
    json.writeArrayFieldStart("CloudWatchMetrics");
    directive(json, namespace, new String[] {"route", "statusClass"});
    metric(json, "Requests", "Count");
    json.writeEndArray();
    json.writeEndObject();
    directive(json, namespace, new String[] {"route"});
    metric(json, "Latency", "Milliseconds");
    if (coldStart) {
      metric(json, "ColdStarts", "Count");
    }
    for (String name : metrics.counts().keySet()) {
      metric(json, name, "Count");
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Opens a directive and its Metrics array; the caller writes the metrics and closes both. */
  private static void directive(JsonGenerator json, String namespace, String[] dimensions)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("Namespace", namespace);
    json.writeArrayFieldStart("Dimensions");
    json.writeStartArray();
    for (String dimension : dimensions) {
      json.writeString(dimension);
    }
    json.writeEndArray();
    json.writeEndArray();
    json.writeArrayFieldStart("Metrics");
  }

  private static void metric(JsonGenerator json, String name, String unit) throws IOException {
    json.writeStartObject();
    json.writeStringField("Name", name);
    json.writeStringField("Unit", unit);
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }
}

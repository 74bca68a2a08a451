package dev.catalog.events;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.Json;
import dev.catalog.kernel.Log;
import dev.catalog.kernel.TraceId;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one invocation of the product events function did, written as one JSON line that is at once its log record
 * and its CloudWatch Embedded Metric Format metrics (as {@code RequestLine} is for the API's functions), under the
 * dimension {@code function}: {@code Records}, {@code EventsPublished} (and per type, e.g. {@code LowStockEvents}),
 * {@code PublishRetries} (publish attempts after an event's first: the SDK's retries and ours, after an error or an
 * answer lost), {@code PublishFailures} (events given up on),
 * {@code RecordsFailed} (the record reported for Lambda to retry, whether its events could not be published or it
 * could not be read), {@code RecordsSkipped} (items that are not products), {@code ColdStarts}.
 */
public final class BatchMetrics {
  private static boolean cold = true;

  private final Map<String, Integer> counts = new LinkedHashMap<>();

  public BatchMetrics() {
    for (String name :
        new String[] {
          "Records",
          "EventsPublished",
          "LowStockEvents",
          "PublishRetries",
          "PublishFailures",
          "RecordsFailed",
          "RecordsSkipped"
        }) {
      counts.put(name, 0);
    }
  }

  void records(int count) {
    counts.put("Records", count);
  }

  void published(String type) {
    counts.merge("EventsPublished", 1, Integer::sum);
    if (ProductEvents.LOW_STOCK.equals(type)) {
      counts.merge("LowStockEvents", 1, Integer::sum);
    }
  }

  /** {@code count} more publish attempts after an event's first. */
  void retries(int count) {
    counts.merge("PublishRetries", count, Integer::sum);
  }

  void failed() {
    counts.merge("PublishFailures", 1, Integer::sum);
  }

  void recordFailed() {
    counts.merge("RecordsFailed", 1, Integer::sum);
  }

  void skipped() {
    counts.merge("RecordsSkipped", 1, Integer::sum);
  }

  /** The counts so far, by metric name. */
  public Map<String, Integer> counts() {
    return Map.copyOf(counts);
  }

  /** Writes the invocation's line to standard output; failing to write it never fails the batch. */
  void write(String requestId, String failedSequenceNumber, long startedNanos) {
    boolean coldStart;
    synchronized (BatchMetrics.class) {
      coldStart = cold;
      cold = false;
    }
    try {
      System.out.println(
          format(
              requestId,
              failedSequenceNumber,
              coldStart,
              startedNanos,
              System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      Log.warning("Batch line not written", requestId, e);
    }
  }

  String format(
      String requestId, String failedSequenceNumber, boolean coldStart, long startedNanos, long now)
      throws IOException {
    String function = Environment.get("AWS_LAMBDA_FUNCTION_NAME");
    String namespace = Environment.get("METRICS_NAMESPACE");
    StringWriter line = new StringWriter(768);
    try (JsonGenerator json = Json.generator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Log.timestamp(now));
      json.writeStringField("level", failedSequenceNumber == null ? "INFO" : "ERROR");
      json.writeStringField("message", "stream batch");
      if (requestId != null) {
        json.writeStringField("requestId", requestId);
      }
      String traceId = TraceId.current();
      if (traceId != null) {
        json.writeStringField("traceId", traceId);
      }
      json.writeStringField("function", function == null ? "ProductEventsFunction" : function);
      if (failedSequenceNumber != null) {
        json.writeStringField("failedSequenceNumber", failedSequenceNumber);
      }
      json.writeBooleanField("coldStart", coldStart);
      json.writeNumberField(
          "Latency", Math.round((System.nanoTime() - startedNanos) / 1_000.0) / 1_000.0);
      for (Map.Entry<String, Integer> count : counts.entrySet()) {
        json.writeNumberField(count.getKey(), count.getValue());
      }
      if (coldStart) {
        json.writeNumberField("ColdStarts", 1);
      }
      json.writeObjectFieldStart("_aws");
      json.writeNumberField("Timestamp", now);
      json.writeArrayFieldStart("CloudWatchMetrics");
      json.writeStartObject();
      json.writeStringField(
          "Namespace", namespace == null || namespace.isBlank() ? "ProductsApi" : namespace);
      json.writeArrayFieldStart("Dimensions");
      json.writeStartArray();
      json.writeString("function");
      json.writeEndArray();
      json.writeEndArray();
      json.writeArrayFieldStart("Metrics");
      metric(json, "Latency", "Milliseconds");
      for (String name : counts.keySet()) {
        metric(json, name, "Count");
      }
      if (coldStart) {
        metric(json, "ColdStarts", "Count");
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }
    return line.toString();
  }

  private static void metric(JsonGenerator json, String name, String unit) throws IOException {
    json.writeStartObject();
    json.writeStringField("Name", name);
    json.writeStringField("Unit", unit);
    json.writeEndObject();
  }
}

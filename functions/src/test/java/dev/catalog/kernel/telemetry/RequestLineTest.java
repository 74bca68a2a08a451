package dev.catalog.kernel.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.kernel.Log;
import dev.catalog.kernel.TraceId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request line: its log fields, its EMF metadata, the trace id and the caller's principal. */
class RequestLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long NOW = 1_795_000_000_123L;

  private static JsonNode line(RequestLine.Request request, boolean cold) throws Exception {
    String text = RequestLine.format(request, cold, NOW, request.startedNanos() + 12_345_678);
    assertFalse(text.contains("\n"), "one line");
    return JSON.readTree(text);
  }

  private static RequestLine.Request request(
      int status, String problemType, String principal, RequestMetrics metrics) {
    return new RequestLine.Request(
        "req-1", "PATCH", "/products/{id}", status, problemType, principal, 1_000L, metrics);
  }

  @Test
  void theLineCarriesRequestIdRouteStatusLatencyColdStartPrincipalAndProblemType()
      throws Exception {
    JsonNode line =
        line(
            request(
                412,
                "urn:products-api:problem:precondition-failed",
                "user-7",
                new RequestMetrics()),
            true);

    assertEquals(Instant.ofEpochMilli(NOW).toString(), line.path("timestamp").asText());
    assertEquals("INFO", line.path("level").asText());
    assertEquals("req-1", line.path("requestId").asText());
    assertEquals("PATCH /products/{id}", line.path("route").asText());
    assertEquals(412, line.path("status").asInt());
    assertEquals("4xx", line.path("statusClass").asText());
    assertEquals(12.346, line.path("Latency").asDouble());
    assertTrue(line.path("coldStart").asBoolean());
    assertEquals("user-7", line.path("principal").asText());
    assertEquals("urn:products-api:problem:precondition-failed", line.path("problemType").asText());
  }

  @Test
  void theTimestampHasThreeFractionDigitsOnAWholeSecondToo() throws Exception {
    long wholeSecond = Instant.parse("2026-11-24T17:30:00Z").toEpochMilli();
    String text =
        RequestLine.format(
            request(200, null, null, new RequestMetrics()), false, wholeSecond, 2_000L);

    assertEquals("2026-11-24T17:30:00.000Z", JSON.readTree(text).path("timestamp").asText());
    assertEquals(Log.timestamp(wholeSecond), JSON.readTree(text).path("timestamp").asText());
  }

  @Test
  void aServerErrorIsLoggedAtLevelErrorAndAWarmRequestSaysSo() throws Exception {
    JsonNode line =
        line(
            request(500, "urn:products-api:problem:internal-error", null, new RequestMetrics()),
            false);

    assertEquals("ERROR", line.path("level").asText());
    assertFalse(line.path("coldStart").asBoolean());
    assertFalse(line.has("ColdStarts"));
    assertFalse(line.has("principal"));
  }

  @Test
  void theLineIsAnEmfRecordOfRequestsByRouteAndStatusClassAndCountsByRoute() throws Exception {
    RequestMetrics metrics = new RequestMetrics();
    metrics.count("ProductsUpdated");
    metrics.count("ConditionalWriteRetries");
    metrics.count("ConditionalWriteRetries");
    JsonNode line = line(request(200, null, null, metrics), true);

    assertEquals(List.of(), EmfSpec.violations(line));
    JsonNode directives = line.path("_aws").path("CloudWatchMetrics");
    assertEquals(NOW, line.path("_aws").path("Timestamp").asLong());
    assertEquals("[[\"route\",\"statusClass\"]]", directives.get(0).path("Dimensions").toString());
    assertEquals("Requests", directives.get(0).path("Metrics").get(0).path("Name").asText());
    assertEquals("[[\"route\"]]", directives.get(1).path("Dimensions").toString());
    List<String> names = directives.get(1).path("Metrics").findValuesAsText("Name");
    assertEquals(
        List.of("Latency", "ColdStarts", "ProductsUpdated", "ConditionalWriteRetries"), names);
    assertEquals(1, line.path("Requests").asInt());
    assertEquals(2, line.path("ConditionalWriteRetries").asInt());
    assertEquals(RequestLine.DEFAULT_NAMESPACE, directives.get(0).path("Namespace").asText());
  }

  @Test
  void theTraceIdIsTheRootOfTheTraceHeaderLambdaSetsPerInvocation() throws Exception {
    String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    System.setProperty(TraceId.PROPERTY, header);
    try {
      JsonNode line = line(request(200, null, null, new RequestMetrics()), false);
      assertEquals("1-5759e988-bd862e3fe1be46a994272793", line.path("traceId").asText());
    } finally {
      System.clearProperty(TraceId.PROPERTY);
    }
  }

  @Test
  void aFailureLineCarriesTheTraceIdAsTheRequestLineDoes() throws Exception {
    System.setProperty(TraceId.PROPERTY, "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0");
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Log.error("Unexpected failure", "req-2", new IllegalStateException("boom"));
    } finally {
      System.setOut(original);
      System.clearProperty(TraceId.PROPERTY);
    }
    JsonNode line = JSON.readTree(captured.toString(StandardCharsets.UTF_8));
    assertEquals("1-5759e988-bd862e3fe1be46a994272793", line.path("traceId").asText());
    assertEquals("req-2", line.path("requestId").asText());
  }
}

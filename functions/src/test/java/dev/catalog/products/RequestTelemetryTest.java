package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.kernel.telemetry.EmfSpec;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.Role;
import dev.catalog.testing.SampleProducts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the functions write per request, captured from their standard output: one JSON line each, with its fields
 * and a valid EMF record, the counts of what it changed, and nothing secret a client sent.
 */
class RequestTelemetryTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";
  private static final String TRACE_ID = "1-6746d5a1-0c5e27f2a1b3c4d5e6f70819";

  @BeforeEach
  void traceHeader() {
    System.setProperty(TRACE_PROPERTY, "Root=" + TRACE_ID + ";Parent=53995c3f42cd8ad8;Sampled=1");
  }

  @AfterEach
  void noTraceHeader() {
    System.clearProperty(TRACE_PROPERTY);
  }

  /** The request lines written while {@code requests} ran, parsed, and checked to be one per request. */
  private static List<JsonNode> requestLines(int requests, Runnable calls) {
    List<JsonNode> lines = new ArrayList<>();
    try (CapturedOutput output = CapturedOutput.start()) {
      calls.run();
      for (String line : output.lines()) {
        if (line.startsWith("{") && line.contains("\"message\":\"request\"")) {
          lines.add(parse(line));
        }
      }
    }
    assertEquals(requests, lines.size(), "one request line per request");
    return lines;
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + line, e);
    }
  }

  @Test
  void everyRouteWritesOneJsonLineWithItsFieldsTheTraceIdAndAValidEmfRecord() {
    String id =
        API.post("/products").json(SampleProducts.minimal("lights").toString()).send().createdId();
    List<Supplier<ApiResult>> calls =
        List.of(
            () -> API.post("/products").json(SampleProducts.minimal("lights").toString()).send(),
            () -> API.get("/products?category=lights").send(),
            () -> API.get("/products/" + id).send(),
            () ->
                API.put("/products/" + id).json(SampleProducts.minimal("desks").toString()).send(),
            () -> API.patch("/products/" + id).mergePatch("{\"stock\": 3}").send(),
            () ->
                API.call("OPTIONS", "/products/" + id)
                    .header("Origin", "https://shop.example.com")
                    .header("Access-Control-Request-Method", "PATCH")
                    .send(),
            () -> API.delete("/products/" + id).send(),
            () -> API.get("/products/" + id).send());
    List<Integer> statuses = new ArrayList<>();
    List<JsonNode> lines =
        requestLines(calls.size(), () -> calls.forEach(call -> statuses.add(call.get().status())));

    List<String> routes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      assertEquals(List.of(), EmfSpec.violations(line), line.toString());
      for (String field :
          List.of(
              "timestamp", "level", "requestId", "route", "statusClass", "coldStart", "Latency")) {
        assertTrue(line.hasNonNull(field), field + " in " + line);
      }
      assertEquals(TRACE_ID, line.path("traceId").asText());
      assertEquals(statuses.get(i).intValue(), line.path("status").asInt());
      routes.add(line.path("route").asText());
    }
    assertEquals(
        List.of(
            "POST /products",
            "GET /products",
            "GET /products/{id}",
            "PUT /products/{id}",
            "PATCH /products/{id}",
            "OPTIONS /products/{id}",
            "DELETE /products/{id}",
            "GET /products/{id}"),
        routes);
    assertEquals("urn:products-api:problem:not-found", lines.get(7).path("problemType").asText());
    assertFalse(lines.get(2).has("problemType"));
  }

  @Test
  void eachRequestCountsWhatItChangedAndHowItFailed() {
    String body = SampleProducts.minimal("chairs").toString();
    List<JsonNode> lines =
        requestLines(
            7,
            () -> {
              String id =
                  API.post("/products")
                      .json(body)
                      .header("Idempotency-Key", "k-1")
                      .send()
                      .createdId();
              API.post("/products").json(body).header("Idempotency-Key", "k-1").send();
              String etag =
                  API.patch("/products/" + id).mergePatch("{\"stock\": 9}").send().header("ETag");
              API.patch("/products/" + id).mergePatch("{}").send();
              API.post("/products").json("{\"name\": \"\", \"price\": 1.999}").send();
              API.delete("/products/" + id).header("If-Match", "\"1.stale\"").send();
              API.delete("/products/" + id).header("If-Match", etag).send();
            });

    List<Map<String, Integer>> counts = lines.stream().map(RequestTelemetryTest::counts).toList();
    assertEquals(
        List.of(
            Map.of("ProductsCreated", 1),
            Map.of("IdempotentReplays", 1),
            Map.of("ProductsUpdated", 1),
            Map.of(),
            Map.of("ValidationFailures", 1),
            Map.of("PreconditionFailures", 1),
            Map.of("ProductsDeleted", 1)),
        counts);
  }

  /** The counted metrics a line declares, beyond those every line has. */
  private static Map<String, Integer> counts(JsonNode line) {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
      for (JsonNode metric : directive.path("Metrics")) {
        String name = metric.path("Name").asText();
        if (!List.of("Requests", "Latency", "ColdStarts").contains(name)) {
          counts.put(name, line.path(name).asInt());
        }
      }
    }
    return counts;
  }

  @Test
  void secretsSentThroughEveryRouteInHeadersBodiesAndQueriesReachNoLogLine() {
    // A token the authorizer accepts, so every routed request reaches its function and writes its
    // line.
    String token = Role.ADMIN.token(API.issuer());
    String cookie = "session-cookie-value-3f9a";
    String apiKey = "api-key-value-77c1";
    String inBody = "body-secret-5d2e";
    String inQuery = "query-secret-a81b";
    String email = "alice.secret@example.com";
    String id =
        API.post("/products").json(SampleProducts.minimal("secrets").toString()).send().createdId();
    String product =
        "{\"name\": \"" + inBody + "\", \"price\": 1, \"category\": \"" + email + "\"}";
    String invalid =
        "{\"name\": \"" + inBody + "\", \"price\": \"" + email + "\", \"" + inBody + "\": 1}";
    List<String> targets = List.of("/products", "/products/" + id);
    List<Supplier<ApiResult>> calls = new ArrayList<>();
    int routed =
        0; // API Gateway answers a method a path has no route for itself, without a function
    for (String path : targets) {
      for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
        routed +=
            (path.equals("/products")
                        ? Set.of("GET", "HEAD", "POST", "OPTIONS")
                        : Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"))
                    .contains(method)
                ? 6
                : 0;
        for (String query : List.of("", "?token=" + inQuery, "?" + inQuery + "=1")) {
          for (String body : List.of(product, invalid)) {
            calls.add(
                () ->
                    API.call(method, path + query)
                        .header("Authorization", "Bearer " + token)
                        .header("Cookie", "session=" + cookie)
                        .header("X-Api-Key", apiKey)
                        .header("Origin", "https://shop.example.com")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Idempotency-Key", inBody)
                        .header(
                            "Content-Type",
                            method.equals("PATCH")
                                ? "application/merge-patch+json"
                                : "application/json")
                        .body(body)
                        .send());
          }
        }
      }
    }
    String captured;
    try (CapturedOutput output = CapturedOutput.start()) {
      calls.forEach(Supplier::get);
      captured = output.text();
    }

    assertEquals(
        routed,
        captured.lines().filter(line -> line.contains("\"message\":\"request\"")).count(),
        "one line per routed request");
    for (String secret :
        List.of(token, "Bearer", cookie, apiKey, inBody, inQuery, email, "Authorization")) {
      assertFalse(captured.contains(secret), secret + " was logged");
    }
  }
}

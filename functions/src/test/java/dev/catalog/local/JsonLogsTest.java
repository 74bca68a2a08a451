package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.dashboard.FeedClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dlocal.logs=json}: a run's standard output is JSON lines only, the functions' own and the tool's line per
 * request (REST, WebSocket, stream batch) as JSON; every line the tool writes for a person (the ready line, cold
 * starts, each SNS message, refusals, the stop) is on standard error. The tool runs as {@code ./mvnw -Plocal} runs
 * it, a process of its own, so its two streams are seen as a terminal or a log shipper sees them.
 */
class JsonLogsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void
      withJsonLogsStandardOutputIsOnlyJsonAcrossRestWebSocketStreamsAndSnsAndTheToolsOwnLinesGoToStandardError()
          throws Exception {
    List<String> out;
    List<String> err;
    try (LocalProcess local =
        LocalProcess.start("port=0", "local.logs=json", "local.seed=events/seed.json")) {
      List<URI> urls = local.awaitReady();
      URI api = urls.get(0);
      URI feed = urls.get(1);
      // A category of its own: no change of the seed's is for it, so nothing but this test's write
      // reaches it.
      try (FeedClient watching = FeedClient.connect(feed, token(api, "groups="), "json-logs")) {
        HttpResponse<String> put =
            HTTP.send(
                HttpRequest.newBuilder(api.resolve("/products/json-logs-lamp"))
                    .header("Authorization", "Bearer " + token(api, "groups=catalog-admins"))
                    .header("Content-Type", "application/json")
                    .PUT(
                        BodyPublishers.ofString(
                            "{\"name\": \"Lamp\", \"price\": 10, \"category\": \"json-logs\"}"))
                    .build(),
                BodyHandlers.ofString());
        assertEquals(201, put.statusCode(), put::body);
        watching.awaitEvent("json-logs-lamp", 1);
      }
      assertThrows(
          RuntimeException.class, () -> FeedClient.connect(feed, "not-a-token", "json-logs"));
      HttpResponse<String> refused =
          HTTP.send(
              HttpRequest.newBuilder(api.resolve("/products"))
                  .header("Content-Type", "application/json")
                  .POST(BodyPublishers.ofString("{}"))
                  .build(),
              BodyHandlers.ofString());
      assertEquals(401, refused.statusCode(), refused::body);
      local.await(
          line -> line.startsWith("[SNS] ") && line.contains("productId=String:json-logs-lamp"),
          WAIT);
      local.await(
          line ->
              line.contains("\"source\":\"DynamoDB stream\"")
                  && line.contains("FeedFanOutFunction")
                  && line.contains("\"latencyMs\""),
          WAIT);
      local.stop();
      out = local.out();
      err = local.err();
    }

    List<JsonNode> lines = new ArrayList<>();
    for (String line : out) {
      try {
        JsonNode json = JSON.readTree(line);
        assertTrue(
            json != null && json.isObject(), () -> "not a JSON object on standard output: " + line);
        lines.add(json);
      } catch (IOException notJson) {
        throw new AssertionError(
            "not JSON on standard output: "
                + line
                + "\n--- standard error:\n"
                + String.join("\n", err),
            notJson);
      }
    }
    // The functions' own lines.
    assertSome(
        lines,
        "PutProductFunction's request line",
        line ->
            line.path("function").asText().equals("PutProductFunction")
                && line.path("route").asText().equals("PUT /products/{id}"));
    assertSome(
        lines,
        "ProductEventsFunction's batch line",
        line ->
            line.path("function").asText().equals("ProductEventsFunction")
                && line.path("message").asText().equals("stream batch"));
    assertSome(
        lines,
        "the feed authorizer's refusal",
        line -> line.path("message").asText().equals("connection refused"));
    // The tool's request lines, as JSON.
    assertSome(
        lines,
        "the local API's line for the PUT",
        line ->
            line.path("source").asText().equals("local API")
                && line.path("method").asText().equals("PUT")
                && line.path("path").asText().equals("/products/json-logs-lamp")
                && line.path("status").asInt() == 201
                && line.path("function").asText().equals("PutProductFunction")
                && line.path("latencyMs").isNumber());
    assertSome(
        lines,
        "the WebSocket API's line for the $connect",
        line ->
            line.path("source").asText().equals("local WebSocket API")
                && line.path("routeKey").asText().equals("$connect")
                && line.path("status").asInt() == 200
                && line.path("function").asText().equals("FeedConnectFunction"));
    assertSome(
        lines,
        "the stream's line for a batch",
        line ->
            line.path("source").asText().equals("DynamoDB stream")
                && line.path("function").asText().equals("ProductEventsFunction")
                && line.path("records").asInt() >= 1);

    for (String human :
        List.of(
            "Local API ready on ",
            "[SNS] ProductEventsTopic ",
            "] instance 1 started in ",
            "[local WebSocket API] $connect: 401",
            "[local API] POST /products: 401",
            "Local API stopped.")) {
      assertTrue(
          err.stream().anyMatch(line -> line.contains(human)),
          () -> human + " is not on standard error:\n" + String.join("\n", err));
    }
  }

  static void assertSome(List<JsonNode> lines, String what, Predicate<JsonNode> matching) {
    assertTrue(
        lines.stream().anyMatch(matching),
        () ->
            "no "
                + what
                + " among the JSON lines:\n"
                + String.join("\n", lines.stream().map(JsonNode::toString).toList()));
  }

  static String token(URI api, String form) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(api.resolve("/_local/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form))
                .build(),
            BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    return JSON.readTree(response.body()).path("access_token").asText();
  }
}

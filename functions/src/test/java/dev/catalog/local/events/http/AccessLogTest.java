package dev.catalog.local.events.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.CapturedConsole;
import dev.catalog.local.LocalOptions;
import dev.catalog.local.Requests;
import dev.catalog.local.console.LocalApiException;
import dev.catalog.local.console.LocalConsole;
import dev.catalog.local.console.RequestLog;
import dev.catalog.testing.DynamoDbLocal;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local API's access line: one per request, its method, path, status, function and cold or warm, no query; in
 * words or as a JSON object.
 */
class AccessLogTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  @Test
  void eachRequestGetsOneAccessLineColdOnANewInstanceThenWarmAndWithoutItsQuery() {
    CapturedConsole console = new CapturedConsole();
    List<String> lines;
    try (LocalApi api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(console.stream())
            .accessLog(true)
            .start()) {
      assertEquals(404, Requests.send(Requests.to(api, "/products/absent")).statusCode());
      assertEquals(404, Requests.send(Requests.to(api, "/products/absent")).statusCode());
      assertEquals(
          400, Requests.send(Requests.to(api, "/products?secret=query-secret-1")).statusCode());
      // Read before the server stops: stopping it may end a request's thread between its response
      // and its line.
      lines = accessLines(console, 3);
    }

    assertEquals(3, lines.size(), console::text);
    assertTrue(
        lines
            .get(0)
            .matches("\\[local API] GET /products/absent 404 [0-9.]+ ms GetProductFunction cold"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .matches("\\[local API] GET /products/absent 404 [0-9.]+ ms GetProductFunction warm"),
        lines.get(1));
    assertTrue(
        lines
            .get(2)
            .matches("\\[local API] GET /products 400 [0-9.]+ ms ListProductsFunction cold"),
        lines.get(2));
    assertTrue(!console.text().contains("query-secret-1"));
  }

  /**
   * The access lines once {@code expected} are there: a line is printed after its response is sent, so the client
   * may have its answer a moment before the line is written.
   */
  private static List<String> accessLines(CapturedConsole console, int expected) {
    return linesStarting(console, "[local API] ", expected);
  }

  private static List<String> linesStarting(CapturedConsole console, String prefix, int expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> lines;
    do {
      lines = console.lines().stream().filter(line -> line.startsWith(prefix)).toList();
    } while (lines.size() < expected && System.nanoTime() < deadline && pause());
    return lines;
  }

  private static boolean pause() {
    try {
      Thread.sleep(10);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void asJsonEachRequestIsOneJsonObjectWithTheSameFactsAndNoQuery() throws Exception {
    CapturedConsole console = new CapturedConsole();
    List<String> lines;
    try (LocalApi api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(new CapturedConsole().stream())
            .requestLog(RequestLog.json(console.stream()))
            .start()) {
      assertEquals(
          400, Requests.send(Requests.to(api, "/products?secret=query-secret-2")).statusCode());
      lines = linesStarting(console, "{", 1);
    }

    assertEquals(1, lines.size(), console::text);
    JsonNode line = new ObjectMapper().readTree(lines.getFirst());
    assertEquals("request", line.path("message").asText());
    assertEquals("local API", line.path("source").asText());
    assertEquals("GET", line.path("method").asText());
    assertEquals("/products", line.path("path").asText());
    assertEquals(400, line.path("status").asInt());
    assertEquals("ListProductsFunction", line.path("function").asText());
    assertTrue(line.path("coldStart").asBoolean(), line::toString);
    assertTrue(
        line.path("latencyMs").isNumber() && line.path("timestamp").isTextual(), line::toString);
    assertTrue(!console.text().contains("query-secret-2"));
  }

  @Test
  void localLogsIsTextByDefaultJsonOnRequestAndNothingElse() {
    Properties properties = new Properties();
    assertEquals(LocalConsole.Format.TEXT, LocalOptions.logFormat(properties));
    properties.setProperty("local.logs", "json");
    assertEquals(LocalConsole.Format.JSON, LocalOptions.logFormat(properties));
    properties.setProperty("local.logs", "xml");
    LocalApiException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            LocalApiException.class, () -> LocalOptions.logFormat(properties));
    assertTrue(refused.getMessage().contains("-Dlocal.logs=xml"));
  }
}

package dev.catalog.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void functionWithoutAnEventFileGetsTheFixture(@TempDir Path events) throws Exception {
    var loaded = BenchEvents.of(events, "GetProductFunction");

    assertTrue(loaded.origin().startsWith("fixture"));
    assertEquals("3f1c9a52-7d4e-4b8a-9c61-2e5f0a7b9d13", loaded.productId());
  }

  @Test
  void functionsOwnEventFileWinsOverTheFixture(@TempDir Path events) throws Exception {
    Files.writeString(
        events.resolve("ListProductsFunction.json"),
        "{\"httpMethod\":\"GET\",\"path\":\"/products\",\"pathParameters\":null}");

    var loaded = BenchEvents.of(events, "ListProductsFunction");

    assertEquals(events.resolve("ListProductsFunction.json").toString(), loaded.origin());
    assertEquals(null, loaded.productId());
    assertEquals(3, loaded.rotated(List.of("a1", "b2"), 0, 3).size());
  }

  @Test
  void rotatedEventsNameEachProductInTurnInPathAndParameters(@TempDir Path events)
      throws Exception {
    var fixture = BenchEvents.of(events, "GetProductFunction");

    List<byte[]> rotated = fixture.rotated(List.of("first-id", "second-id", "third-id"), 1, 3);

    List<JsonNode> sent = rotated.stream().map(BenchEventsTest::parse).toList();
    assertEquals("second-id", sent.get(0).path("pathParameters").path("id").asText());
    assertEquals("third-id", sent.get(1).path("pathParameters").path("id").asText());
    assertEquals("first-id", sent.get(2).path("pathParameters").path("id").asText());
    assertEquals("/products/third-id", sent.get(1).path("path").asText());
    assertEquals("/v1/products/third-id", sent.get(1).path("requestContext").path("path").asText());
    assertEquals("/products/{id}", sent.get(1).path("resource").asText());
  }

  @Test
  void everyRotatedEventCarriesItsOwnIdempotencyKey(@TempDir Path events) throws Exception {
    Files.writeString(
        events.resolve("CreateProductFunction.json"),
        """
        {"httpMethod": "POST", "path": "/products",
         "headers": {"idempotency-key": "same"}, "multiValueHeaders": {"idempotency-key": ["same"]}}""");

    List<JsonNode> sent =
        BenchEvents.of(events, "CreateProductFunction").rotated(List.of("a1"), 0, 2).stream()
            .map(BenchEventsTest::parse)
            .toList();

    String first = sent.get(0).path("headers").path("idempotency-key").asText();
    String second = sent.get(1).path("headers").path("idempotency-key").asText();
    assertNotEquals("same", first);
    assertNotEquals(first, second);
    assertEquals(
        second, sent.get(1).path("multiValueHeaders").path("idempotency-key").path(0).asText());
  }

  private static JsonNode parse(byte[] event) {
    try {
      return JSON.readTree(event);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theAuthorizersEventCarriesTheGivenTokenAndOtherEventsAreLeftAlone() throws Exception {
    var authorizer =
        BenchEvents.of(Path.of("events"), "FeedAuthorizerFunction")
            .withQueryParameter("token", "t.o.k");

    JsonNode event = JSON.readTree(authorizer.rotated(List.of("a1"), 0, 1).get(0));
    assertEquals("t.o.k", event.at("/queryStringParameters/token").asText());
    assertEquals(
        List.of("t.o.k"), List.of(event.at("/multiValueQueryStringParameters/token/0").asText()));
    assertEquals(1, event.at("/multiValueQueryStringParameters/token").size());
    assertEquals("lighting", event.at("/queryStringParameters/category").asText());
    var get = BenchEvents.of(Path.of("events"), "GetProductFunction");
    assertTrue(
        get == get.withQueryParameter("token", "t.o.k"),
        "an event without the parameter is unchanged");
  }
}

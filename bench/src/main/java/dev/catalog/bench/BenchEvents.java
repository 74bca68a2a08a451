package dev.catalog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The events sent to a function: its own file in {@code events/} (named after the function), or the fixture (a GET
 * /products/{id}) while it has none. Each invocation names another seeded product, so that an environment's
 * invocations spread over the table and a DELETE finds a product each time, and carries another idempotency key.
 *
 * @param origin where the event came from, for the report
 */
record BenchEvents(String origin, JsonNode event) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIXTURE = "/bench/fixture-event.json";

  static BenchEvents of(Path eventsDir, String functionName) throws IOException {
    Path file = eventsDir.resolve(functionName + ".json");
    if (Files.isRegularFile(file)) {
      return new BenchEvents(file.toString(), JSON.readTree(file.toFile()));
    }
    try (InputStream fixture = BenchEvents.class.getResourceAsStream(FIXTURE)) {
      return new BenchEvents("fixture " + FIXTURE, JSON.readTree(fixture));
    }
  }

  /**
   * These events with {@code value} as their query parameter {@code name} (single- and multi-value), when they have
   * that parameter; unchanged otherwise. The feed authorizer's events get a token the benchmark's issuer signed.
   */
  BenchEvents withQueryParameter(String name, String value) {
    if (!(event.get("queryStringParameters") instanceof ObjectNode single) || !single.has(name)) {
      return this;
    }
    ObjectNode copy = event.deepCopy();
    ((ObjectNode) copy.get("queryStringParameters")).put(name, value);
    if (copy.get("multiValueQueryStringParameters") instanceof ObjectNode multi) {
      multi.set(name, JSON.createArrayNode().add(value));
    }
    return new BenchEvents(origin, copy);
  }

  /** The product the event names ({@code pathParameters.id}), or null. */
  String productId() {
    JsonNode id = event.path("pathParameters").path("id");
    return id.isTextual() ? id.asText() : null;
  }

  /**
   * {@code count} events, each one a distinct request: the k-th names {@code ids[(first + k) % ids.size()]} (if the
   * event names a product) and carries its own {@code Idempotency-Key} (if the event carries one), so that a
   * repeated create is not a replay.
   */
  List<byte[]> rotated(List<String> ids, int first, int count) throws IOException {
    String original = productId();
    List<byte[]> events = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      ObjectNode copy = event.deepCopy();
      if (original != null) {
        String id = ids.get(Math.floorMod(first + k, ids.size()));
        ((ObjectNode) copy.get("pathParameters")).put("id", id);
        replacePathEnd(copy, original, id);
        if (copy.get("requestContext") instanceof ObjectNode context) {
          replacePathEnd(context, original, id);
        }
      }
      String key = new UUID(0xbe4c4L, first + k).toString();
      replaceHeader(copy.get("headers"), "Idempotency-Key", TextNode.valueOf(key));
      replaceHeader(
          copy.get("multiValueHeaders"), "Idempotency-Key", JSON.createArrayNode().add(key));
      events.add(JSON.writeValueAsBytes(copy));
    }
    return events;
  }

  private static void replaceHeader(JsonNode headers, String name, JsonNode value) {
    if (headers instanceof ObjectNode object) {
      List<String> present = new ArrayList<>();
      object
          .fieldNames()
          .forEachRemaining(
              field -> {
                if (field.equalsIgnoreCase(name)) {
                  present.add(field);
                }
              });
      present.forEach(field -> object.set(field, value));
    }
  }

  private static void replacePathEnd(ObjectNode node, String original, String id) {
    JsonNode path = node.get("path");
    if (path != null && path.isTextual() && path.asText().endsWith("/" + original)) {
      String text = path.asText();
      node.put("path", text.substring(0, text.length() - original.length()) + id);
    }
  }
}

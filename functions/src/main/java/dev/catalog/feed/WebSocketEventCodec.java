package dev.catalog.feed;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.kernel.Json;
import dev.catalog.kernel.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads API Gateway's WebSocket proxy event and writes the function's answer with the project's streaming Jackson, as
 * the REST functions' codec does, so no reflective serializer and no event library load at cold start. Only what the
 * functions use is read; the rest is skipped.
 */
final class WebSocketEventCodec {
  private WebSocketEventCodec() {}

  static WebSocketEvent read(InputStream in) throws IOException {
    JsonNode event;
    try (JsonParser parser = Json.parser(in)) {
      event = JsonTrees.read(parser);
    }
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException("The event is not a JSON object");
    }
    JsonNode context = event.path("requestContext");
    JsonNode connectedAt = context.path("connectedAt");
    return new WebSocketEvent(
        text(context, "routeKey"),
        text(context, "eventType"),
        text(context, "connectionId"),
        connectedAt.isNumber() ? Instant.ofEpochMilli(connectedAt.asLong()) : null,
        text(context, "requestId"),
        text(context.path("authorizer"), "principalId"),
        epochSecond(text(context.path("authorizer"), "expiresAt")),
        query(event),
        text(event, "body"),
        event.path("isBase64Encoded").asBoolean(false));
  }

  /** A context value in epoch seconds; null when absent or not a whole number. */
  private static Long epochSecond(String value) {
    if (value == null || !value.matches("[0-9]{1,12}")) {
      return null;
    }
    return Long.parseLong(value);
  }

  /** {@code {"statusCode": N, "body": "..."}}: a route response's body is what the client receives. */
  static void write(FeedReply reply, OutputStream out) throws IOException {
    try (JsonGenerator json = Json.generator(out)) {
      json.writeStartObject();
      json.writeNumberField("statusCode", reply.status());
      if (reply.body() != null) {
        json.writeStringField("body", reply.body());
      }
      json.writeEndObject();
    }
  }

  /** Every value of each parameter: the multi-value map when API Gateway sends it, else the single-value one. */
  private static Map<String, List<String>> query(JsonNode event) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    JsonNode multi = event.path("multiValueQueryStringParameters");
    JsonNode single = event.path("queryStringParameters");
    if (multi.isObject()) {
      multi
          .properties()
          .forEach(
              entry -> {
                List<String> values = new ArrayList<>();
                entry.getValue().forEach(value -> values.add(value.asText()));
                query.put(entry.getKey(), values);
              });
    } else if (single.isObject()) {
      single
          .properties()
          .forEach(entry -> query.put(entry.getKey(), List.of(entry.getValue().asText())));
    }
    return query;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }
}

package dev.catalog.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway's WebSocket proxy events, as the JSON Lambda hands a feed function ({@code requestContext} with
 * {@code routeKey}, {@code eventType}, {@code connectionId}, {@code connectedAt}, {@code authorizer}...), and the
 * function's answer read back. Build one with {@link #connect}, {@link #message} or {@link #disconnect}.
 */
public final class WebSocketEvents {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode event = MAPPER.createObjectNode();
  private final ObjectNode context = event.putObject("requestContext");

  private WebSocketEvents(
      String routeKey, String eventType, String connectionId, Instant connectedAt) {
    context.put("routeKey", routeKey);
    context.put("eventType", eventType);
    context.put("connectionId", connectionId);
    context.put("connectedAt", connectedAt.toEpochMilli());
    context.put("messageDirection", "IN");
    context.put("requestId", UUID.randomUUID().toString());
    context.put("extendedRequestId", context.get("requestId").asText());
    context.put("domainName", "localhost");
    context.put("stage", "v1");
    context.put("apiId", "local");
    context.put("requestTimeEpoch", connectedAt.toEpochMilli());
    context.putObject("identity").put("sourceIp", "127.0.0.1");
    context.putObject("authorizer").put("principalId", "local-user").put("sub", "local-user");
  }

  /** A {@code $connect} with the query given as name, value, name, value... */
  public static WebSocketEvents connect(String connectionId, Instant connectedAt, String... query) {
    WebSocketEvents events = new WebSocketEvents("$connect", "CONNECT", connectionId, connectedAt);
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < query.length; i += 2) {
      parameters.computeIfAbsent(query[i], k -> new java.util.ArrayList<>()).add(query[i + 1]);
    }
    if (!parameters.isEmpty()) {
      ObjectNode single = events.event.putObject("queryStringParameters");
      ObjectNode multi = events.event.putObject("multiValueQueryStringParameters");
      parameters.forEach(
          (name, values) -> {
            single.put(name, values.get(values.size() - 1));
            values.forEach(multi.putArray(name)::add);
          });
    }
    events.event.putObject("headers").put("Host", "localhost");
    events.event.put("isBase64Encoded", false);
    return events;
  }

  /** A message routed to {@code routeKey} with this body, as text. */
  public static WebSocketEvents message(
      String routeKey, String connectionId, Instant connectedAt, String body) {
    WebSocketEvents events = new WebSocketEvents(routeKey, "MESSAGE", connectionId, connectedAt);
    events.context.put("messageId", UUID.randomUUID().toString());
    events.event.put("body", body);
    events.event.put("isBase64Encoded", false);
    return events;
  }

  /** A {@code $disconnect}. */
  public static WebSocketEvents disconnect(String connectionId, Instant connectedAt) {
    WebSocketEvents events =
        new WebSocketEvents("$disconnect", "DISCONNECT", connectionId, connectedAt);
    events.context.put("disconnectStatusCode", 1000);
    events.context.put("disconnectReason", "");
    return events;
  }

  /** Who the authorizer said connected. */
  public WebSocketEvents principal(String principalId) {
    ((ObjectNode) context.get("authorizer")).put("principalId", principalId);
    return this;
  }

  /**
   * The body flagged as base64 ({@code isBase64Encoded}), as an event may say; API Gateway's WebSocket APIs pass no
   * binary frame (they close the connection with 1003), so only a direct invocation sends one.
   */
  public WebSocketEvents base64(String encoded) {
    event.put("body", encoded);
    event.put("isBase64Encoded", true);
    return this;
  }

  public byte[] json() {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a function answered: its status and the body the route response sends the client. */
  public record Reply(int statusCode, String body) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Calls the handler with this event's JSON, as Lambda does, and reads its answer. */
  public Reply invoke(RequestStreamHandler handler) {
    var out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(json()), out, null);
      JsonNode answer = MAPPER.readTree(out.toByteArray());
      return new Reply(
          answer.get("statusCode").asInt(),
          answer.hasNonNull("body") ? answer.get("body").asText() : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

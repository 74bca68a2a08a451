package dev.catalog.local.events.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.template.WebSocketApiDef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events API Gateway's WebSocket API sends a route's function (its {@code APIGatewayV2WebSocketEvent}): CONNECT
 * with the handshake's headers and query, MESSAGE with the body, DISCONNECT with the close status, each with a
 * request context naming the route, the connection and the API; and the REQUEST event of a Lambda authorizer.
 */
final class WebSocketEvents {
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final WebSocketApiDef api;
  private final String domainName;

  WebSocketEvents(WebSocketApiDef api, String domainName) {
    this.api = api;
    this.domainName = domainName;
  }

  /** What the client sent with its upgrade request, and who it is. */
  record Handshake(
      Map<String, List<String>> headers,
      Map<String, List<String>> query,
      String sourceIp,
      String userAgent) {}

  ObjectNode connect(Connection connection, Handshake handshake, String requestId) {
    ObjectNode event = JSON.objectNode();
    putHeadersAndQuery(event, handshake);
    event.set("requestContext", context(connection, "$connect", "CONNECT", requestId));
    event.put("isBase64Encoded", false);
    return event;
  }

  /** A text message's event: its body as sent, never base64 (API Gateway takes no binary frames). */
  ObjectNode message(Connection connection, String routeKey, String body, String requestId) {
    ObjectNode event = JSON.objectNode();
    ObjectNode context = context(connection, routeKey, "MESSAGE", requestId);
    context.put("messageId", Connections.newId());
    event.set("requestContext", context);
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return event;
  }

  ObjectNode disconnect(Connection connection, int statusCode, String reason, String requestId) {
    ObjectNode event = JSON.objectNode();
    ObjectNode headers = event.putObject("headers");
    headers.put("Host", domainName);
    headers.put("X-Forwarded-For", connection.sourceIp());
    ObjectNode context = context(connection, "$disconnect", "DISCONNECT", requestId);
    context.put("disconnectStatusCode", statusCode);
    context.put("disconnectReason", reason == null ? "" : reason);
    event.set("requestContext", context);
    event.put("isBase64Encoded", false);
    return event;
  }

  /** A Lambda REQUEST authorizer's event for the {@code $connect} route, as API Gateway builds it. */
  ObjectNode authorizer(
      Connection connection, Handshake handshake, String methodArn, String requestId) {
    ObjectNode event = JSON.objectNode();
    event.put("type", "REQUEST");
    event.put("methodArn", methodArn);
    putHeadersAndQuery(event, handshake);
    event.putObject("stageVariables");
    ObjectNode context = context(connection, "$connect", "CONNECT", requestId);
    context.remove("authorizer");
    event.set("requestContext", context);
    return event;
  }

  private ObjectNode context(
      Connection connection, String routeKey, String eventType, String requestId) {
    Instant now = Instant.now();
    ObjectNode context = JSON.objectNode();
    context.put("routeKey", routeKey);
    context.put("eventType", eventType);
    context.put("extendedRequestId", requestId);
    context.put("requestTime", REQUEST_TIME.format(now));
    context.put("messageDirection", "IN");
    context.put("stage", api.stage());
    context.put("connectedAt", connection.connectedAt().toEpochMilli());
    context.put("requestTimeEpoch", now.toEpochMilli());
    ObjectNode identity = context.putObject("identity");
    if (connection.userAgent() != null) {
      identity.put("userAgent", connection.userAgent());
    }
    identity.put("sourceIp", connection.sourceIp());
    context.put("requestId", requestId);
    context.put("domainName", domainName);
    context.put("connectionId", connection.id());
    context.put("apiId", api.apiId());
    if (connection.authorizer() instanceof JsonNode authorizer) {
      context.set("authorizer", authorizer);
    }
    return context;
  }

  private void putHeadersAndQuery(ObjectNode event, Handshake handshake) {
    ObjectNode headers = event.putObject("headers");
    ObjectNode multiHeaders = event.putObject("multiValueHeaders");
    handshake
        .headers()
        .forEach(
            (name, values) -> {
              headers.put(name, values.getLast());
              values.forEach(multiHeaders.putArray(name)::add);
            });
    if (!handshake.query().isEmpty()) {
      ObjectNode query = event.putObject("queryStringParameters");
      ObjectNode multiQuery = event.putObject("multiValueQueryStringParameters");
      handshake
          .query()
          .forEach(
              (name, values) -> {
                query.put(name, values.getLast());
                values.forEach(multiQuery.putArray(name)::add);
              });
    }
  }
}

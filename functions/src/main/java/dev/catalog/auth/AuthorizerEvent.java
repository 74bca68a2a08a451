package dev.catalog.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.io.IOException;
import java.io.InputStream;

/**
 * The part of API Gateway's WebSocket REQUEST authorizer event the authorizer reads: the {@code methodArn} the
 * policy names, the {@code token} query parameter (browsers cannot set headers on a WebSocket, so the token comes in
 * the URL), and the connection for the log. Read with the project's strict JSON, without the runtime's serializer.
 *
 * @param tokenRepeated whether the query gave {@code token} more than once (a refusal: which one would be meant?)
 */
record AuthorizerEvent(String methodArn, String token, boolean tokenRepeated, String connectionId) {
  static final String TOKEN_PARAMETER = "token";

  /**
   * Reads the event of the invocation {@code requestId} (for the log line of a refusal).
   *
   * @throws Unauthorized when the input is not an authorizer event at all: nothing to allow
   */
  static AuthorizerEvent read(InputStream in, String requestId) throws IOException {
    ObjectNode event;
    try {
      event = Json.readObject(in.readAllBytes());
    } catch (HttpError malformed) {
      AuthorizerLog.refused("the event is not a JSON object", null, requestId);
      throw new Unauthorized();
    }
    JsonNode repeated = event.path("multiValueQueryStringParameters").path(TOKEN_PARAMETER);
    return new AuthorizerEvent(
        text(event, "methodArn"),
        text(event.path("queryStringParameters"), TOKEN_PARAMETER),
        repeated.isArray() && repeated.size() > 1,
        text(event.path("requestContext"), "connectionId"));
  }

  private static String text(JsonNode object, String member) {
    JsonNode value = object.get(member);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}

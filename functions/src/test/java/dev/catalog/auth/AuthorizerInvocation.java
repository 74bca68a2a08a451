package dev.catalog.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Invokes the authorizer as Lambda does, through its stream interface, with the event of
 * {@code events/FeedAuthorizerFunction.json} carrying the given token: its policy, or the error it threw.
 */
final class AuthorizerInvocation {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String METHOD_ARN =
      "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/v1/$connect";

  /**
   * The repository's root: the working directory under Surefire; PIT, which cannot set its test JVMs' working
   * directory, names it in {@code -Dcatalog.root} (functions/pom.xml, profile mutation).
   */
  private static final String ROOT = System.getProperty("catalog.root", ".");

  private AuthorizerInvocation() {}

  /** The event file with {@code token} as the query's token (none when null). */
  static ObjectNode event(String token) {
    try {
      ObjectNode event =
          (ObjectNode)
              JSON.readTree(Path.of(ROOT, "events", "FeedAuthorizerFunction.json").toFile());
      ObjectNode single = (ObjectNode) event.get("queryStringParameters");
      ObjectNode multi = (ObjectNode) event.get("multiValueQueryStringParameters");
      if (token == null) {
        single.remove("token");
        multi.remove("token");
      } else {
        single.put("token", token);
        multi.putArray("token").add(token);
      }
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The authorizer's answer to {@code event}; throws what the handler throws ({@link Unauthorized}). */
  static JsonNode invoke(FeedAuthorizerHandler handler, JsonNode event) {
    return invoke(handler, event, null);
  }

  /** As {@link #invoke(FeedAuthorizerHandler, JsonNode)}, with Lambda's {@code context} of the invocation. */
  static JsonNode invoke(FeedAuthorizerHandler handler, JsonNode event, Context context) {
    var out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, context);
      return JSON.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

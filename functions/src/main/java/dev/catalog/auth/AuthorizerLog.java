package dev.catalog.auth;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalog.kernel.Json;
import dev.catalog.kernel.Log;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The authorizer's one JSON line per decision: allowed (principal and client) or refused (the reason, a fixed
 * phrase). Nothing of the token is ever written: not the token, not its claims beyond the principal and client,
 * not the values a refused token claimed.
 */
final class AuthorizerLog {
  private AuthorizerLog() {}

  static void allowed(AccessToken token, String connectionId, String requestId) {
    line("INFO", "connection allowed", requestId, connectionId, null, token);
  }

  static void refused(String reason, String connectionId, String requestId) {
    line("WARN", "connection refused", requestId, connectionId, reason, null);
  }

  /** The JWKS could not be fetched; the exception's class and message (a URL, a status), never a token. */
  static void jwksFailure(Exception failure) {
    line("WARN", "signing keys not fetched", null, null, failure.toString(), null);
  }

  private static void line(
      String level,
      String message,
      String requestId,
      String connectionId,
      String reason,
      AccessToken token) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator json = Json.generator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Log.timestamp(System.currentTimeMillis()));
      json.writeStringField("level", level);
      json.writeStringField("message", message);
      if (requestId != null) {
        json.writeStringField("requestId", requestId);
      }
      if (connectionId != null) {
        json.writeStringField("connectionId", connectionId);
      }
      if (reason != null) {
        json.writeStringField("reason", reason);
      }
      if (token != null) {
        json.writeStringField("principalId", token.principalId());
        json.writeStringField("clientId", token.clientId());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(line);
  }
}

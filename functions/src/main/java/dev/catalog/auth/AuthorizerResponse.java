package dev.catalog.auth;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalog.kernel.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The authorizer's answer for a verified token: an IAM policy allowing {@code execute-api:Invoke} on the method ARN
 * of the request, the principal, and a context API Gateway passes to the feed's functions in
 * {@code requestContext.authorizer} (every value a string, as API Gateway requires of a context): the caller, and
 * {@code expiresAt}, the token's {@code exp} in epoch seconds, after which the connection gets nothing more.
 */
final class AuthorizerResponse {
  private AuthorizerResponse() {}

  static void allow(AccessToken token, String methodArn, OutputStream out) throws IOException {
    // Closing the generator flushes and closes the writer and the stream, as the REST functions'
    // responses do.
    try (JsonGenerator json = Json.generator(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      json.writeStartObject();
      json.writeStringField("principalId", token.principalId());
      json.writeObjectFieldStart("policyDocument");
      json.writeStringField("Version", "2012-10-17");
      json.writeArrayFieldStart("Statement");
      json.writeStartObject();
      json.writeStringField("Action", "execute-api:Invoke");
      json.writeStringField("Effect", "Allow");
      json.writeStringField("Resource", methodArn);
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeObjectFieldStart("context");
      json.writeStringField("sub", token.subject());
      json.writeStringField("clientId", token.clientId());
      json.writeStringField("scope", token.scope());
      json.writeStringField("groups", token.groups());
      // The token's exp: the connection's items expire then, so the fan-out sends nothing after it
      // and
      // the sweep closes the connection (docs/security.md).
      json.writeStringField("expiresAt", Long.toString(token.expiresAt()));
      json.writeEndObject();
      json.writeEndObject();
    }
  }
}

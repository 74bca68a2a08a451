package dev.catalog.local.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The development issuer's token endpoint, {@code POST /_local/token}, form-encoded: {@code groups=a,b} (empty: a
 * user in no group; {@code username=} optional) for a person, or {@code scope=products/write} for a service. It
 * answers as an OAuth 2.0 token endpoint does (RFC 6749 section 5): {@code access_token}, {@code id_token} for a
 * person, {@code token_type}, {@code expires_in}. {@code expires_in=SECONDS} asks for tokens that live that long (a
 * whole number from 1 to {@link DevelopmentIssuer#MAX_LIFETIME}'s 86400; by default 3600), e.g. to see what a
 * connection does when its token expires. A request it refuses is a 400 {@code application/problem+json} that also
 * carries OAuth's {@code error} and {@code error_description}, so both kinds of client read it.
 */
public final class TokenEndpoint {
  public static final String PATH = "/_local/token";
  public static final String JWKS_PATH = "/_local/.well-known/jwks.json";

  /** A status, a JSON body and its media type. */
  public record Answer(int status, String contentType, String body) {}

  static final String PROBLEM_TYPE = "urn:products-api:problem:invalid-token-request";

  private TokenEndpoint() {}

  public static Answer token(DevelopmentIssuer issuer, String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : form == null ? new String[0] : form.split("&")) {
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        if (fields.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1))) != null) {
          return error("invalid_request", name + " is given more than once");
        }
      }
    }
    Duration lifetime = DevelopmentIssuer.LIFETIME;
    String expiresIn = fields.remove("expires_in");
    if (expiresIn != null) {
      if (!expiresIn.matches("[0-9]{1,6}")
          || Long.parseLong(expiresIn) < 1
          || Long.parseLong(expiresIn) > DevelopmentIssuer.MAX_LIFETIME.toSeconds()) {
        return error(
            "invalid_request",
            "expires_in is a whole number of seconds from 1 to "
                + DevelopmentIssuer.MAX_LIFETIME.toSeconds());
      }
      lifetime = Duration.ofSeconds(Long.parseLong(expiresIn));
      issuer = issuer.withLifetime(lifetime);
    }
    boolean person = fields.containsKey("groups");
    boolean service = fields.containsKey("scope");
    if (person == service) {
      return error("invalid_request", "give groups=... for a person or scope=... for a service");
    }
    DevelopmentIssuer.Tokens tokens;
    if (person) {
      List<String> groups =
          Arrays.stream(fields.get("groups").split(","))
              .map(String::strip)
              .filter(g -> !g.isEmpty())
              .toList();
      tokens = issuer.person(fields.getOrDefault("username", "local-user"), groups);
    } else {
      if (fields.get("scope").isBlank()) {
        return error("invalid_scope", "a service asks for at least one scope");
      }
      tokens = issuer.service(fields.get("scope").strip());
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("access_token", tokens.accessToken());
    if (tokens.idToken() != null) {
      body.put("id_token", tokens.idToken());
    }
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime.toSeconds());
    return new Answer(200, "application/json", body.toString());
  }

  private static Answer error(String code, String description) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", PROBLEM_TYPE);
    body.put("title", "Invalid token request");
    body.put("status", 400);
    body.put("detail", description);
    body.put("error", code);
    body.put("error_description", description);
    return new Answer(400, "application/problem+json", body.toString());
  }

  private static String decode(String component) {
    try {
      return URLDecoder.decode(component, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return component;
    }
  }
}

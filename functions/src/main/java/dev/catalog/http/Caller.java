package dev.catalog.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a request, read from the claims API Gateway's Cognito authorizer verified and passed in
 * {@code requestContext.authorizer.claims}, every value a string. A person (a token with a {@code username}) is
 * known by {@code sub} and has groups; a service (client credentials: no user) is known by {@code client_id} and
 * has the scopes of {@code scope} (space-separated). The functions verify nothing and need no JWT library: the
 * gateway has verified the token.
 *
 * <p>A person's groups are matched by exact name, and a name with a separator in it must never grant. The claims
 * cannot say that: the gateway passes {@code cognito:groups} as one string, the names joined by commas, so a user
 * whose one group is named {@code helpdesk,catalog-admins} has the same claim as one in {@code helpdesk} and
 * {@code catalog-admins}. So when the request carries the token the gateway verified (its {@code Authorization}
 * header, as every request through the deployed API does), the groups are the token's own {@code cognito:groups}, a
 * JSON array of names, read from its payload once the payload is shown to be that token's: the same {@code sub} and
 * {@code jti} as the verified claims (a payload that is not, or not readable, grants no group). Without a header (an
 * event built by a test, or the emulator with {@code -Dlocal.auth=off}) the claim is read as the comma-joined list,
 * and only when every name in it is unambiguous: not empty, no surrounding space, no bracket (a list rendered as
 * {@code [a, b]} is refused rather than guessed at); otherwise it grants no group at all.
 *
 * @param id what {@code createdBy} and {@code updatedBy} record: the person's {@code sub} or the service's client id
 */
public record Caller(String id, boolean service, Set<String> groups, Set<String> scopes) {
  public Caller {
    groups = Set.copyOf(groups);
    scopes = Set.copyOf(scopes);
  }

  /** The caller of claims that came without the token (tests, authentication off). */
  static Caller from(Map<String, Object> authorizer) {
    return from(authorizer, null);
  }

  /**
   * The caller the claims describe, or null when there are none (no authorizer ran, or it passed no subject).
   *
   * @param authorization the request's {@code Authorization} header (the lines of a repeated one joined), or null
   */
  static Caller from(Map<String, Object> authorizer, String authorization) {
    if (authorizer == null || !(authorizer.get("claims") instanceof Map<?, ?> claims)) {
      return null;
    }
    boolean service = claims.get("username") == null && claims.get("cognito:username") == null;
    String id = string(claims.get(service ? "client_id" : "sub"));
    if (id.isEmpty()) {
      return null;
    }
    return service
        ? new Caller(id, true, Set.of(), scopes(string(claims.get("scope"))))
        : new Caller(
            id,
            false,
            authorization == null
                ? claimGroups(string(claims.get("cognito:groups")))
                : tokenGroups(claims, authorization),
            Set.of());
  }

  private static String string(Object value) {
    return value == null ? "" : value.toString().strip();
  }

  private static Set<String> scopes(String list) {
    return Arrays.stream(list.split(" "))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The comma-joined claim's names, or none at all when any name in it could be part of another. */
  private static Set<String> claimGroups(String claim) {
    if (claim.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    for (String name : claim.split(",", -1)) {
      if (name.isEmpty()
          || !name.equals(name.strip())
          || name.contains("[")
          || name.contains("]")) {
        return Set.of();
      }
      names.add(name);
    }
    return names;
  }

  /** The groups of the token the claims were verified from, or none when the header is not that token. */
  private static Set<String> tokenGroups(Map<?, ?> claims, String authorization) {
    String token = authorization.strip();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).strip();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Set.of();
    }
    ObjectNode payload;
    try {
      payload = Json.readObject(Base64.getUrlDecoder().decode(parts[1]));
    } catch (HttpError | IllegalArgumentException notAPayload) {
      return Set.of();
    }
    if (!sameClaim(payload, claims, "sub") || !sameClaim(payload, claims, "jti")) {
      return Set.of();
    }
    JsonNode groups = payload.get("cognito:groups");
    if (groups == null || !groups.isArray()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    for (JsonNode group : groups) {
      if (!group.isTextual()) {
        return Set.of();
      }
      names.add(group.asText());
    }
    return names;
  }

  private static boolean sameClaim(ObjectNode payload, Map<?, ?> claims, String name) {
    JsonNode value = payload.get(name);
    return value != null
        && value.isTextual()
        && !value.asText().isEmpty()
        && value.asText().equals(string(claims.get(name)));
  }
}

package dev.catalog.http;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a request, read from the claims API Gateway's Cognito authorizer verified and passed in
 * {@code requestContext.authorizer.claims}, every value a string. A person (a token with a {@code username}) is
 * known by {@code sub} and has the groups of {@code cognito:groups} (comma-separated); a service (client credentials:
 * no user) is known by {@code client_id} and has the scopes of {@code scope} (space-separated). The functions never
 * see the token itself, only these claims, so they verify nothing and need no JWT library.
 *
 * @param id what {@code createdBy} and {@code updatedBy} record: the person's {@code sub} or the service's client id
 */
public record Caller(String id, boolean service, Set<String> groups, Set<String> scopes) {
  public Caller {
    groups = Set.copyOf(groups);
    scopes = Set.copyOf(scopes);
  }

  /** The caller the claims describe, or null when there are none (no authorizer ran, or it passed no subject). */
  static Caller from(Map<String, Object> authorizer) {
    if (authorizer == null || !(authorizer.get("claims") instanceof Map<?, ?> claims)) {
      return null;
    }
    boolean service = claims.get("username") == null && claims.get("cognito:username") == null;
    String id = string(claims.get(service ? "client_id" : "sub"));
    if (id.isEmpty()) {
      return null;
    }
    return service
        ? new Caller(id, true, Set.of(), split(string(claims.get("scope")), " "))
        : new Caller(
            id, false, split(unbracketed(string(claims.get("cognito:groups"))), ","), Set.of());
  }

  private static String string(Object value) {
    return value == null ? "" : value.toString().strip();
  }

  /** Tolerates the bracketed form {@code [a, b]} of a list claim as well as {@code a,b}. */
  private static String unbracketed(String list) {
    return list.startsWith("[") && list.endsWith("]") ? list.substring(1, list.length() - 1) : list;
  }

  private static Set<String> split(String list, String separator) {
    return Arrays.stream(list.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}

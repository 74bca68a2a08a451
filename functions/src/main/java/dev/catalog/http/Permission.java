package dev.catalog.http;

import dev.catalog.kernel.HttpError;
import java.util.Set;

/**
 * What a route asks of its caller, declared by the route's handler ({@link ApiHandler#permission()}) and checked
 * before it runs: the one place access is decided. People qualify by group, services by scope; API Gateway has
 * already refused a missing or invalid token, so no caller here is a 401 only where no authorizer ran.
 */
public enum Permission {
  /** Reads: anyone, signed in or not. */
  ANYONE(Set.of(), Set.of(), null),
  /** Create, replace, patch. */
  WRITE(
      Set.of("catalog-editors", "catalog-admins"),
      Set.of("products/write", "products/admin"),
      "Changing products needs a user in catalog-editors or catalog-admins, or a service with the scope"
          + " products/write or products/admin."),
  /** Delete. */
  ADMIN(
      Set.of("catalog-admins"),
      Set.of("products/admin"),
      "Deleting products needs a user in catalog-admins, or a service with the scope products/admin.");

  private final Set<String> groups;
  private final Set<String> scopes;
  private final String requirement;

  Permission(Set<String> groups, Set<String> scopes, String requirement) {
    this.groups = groups;
    this.scopes = scopes;
    this.requirement = requirement;
  }

  /** @throws HttpError 401 without a caller, 403 when the caller lacks every group (person) or scope (service) */
  void check(Caller caller) {
    if (this == ANYONE) {
      return;
    }
    if (caller == null) {
      throw HttpError.unauthorized(
          "This request needs a bearer token from the catalog's user pool.");
    }
    Set<String> held = caller.service() ? caller.scopes() : caller.groups();
    if (held.stream().noneMatch(caller.service() ? scopes::contains : groups::contains)) {
      throw HttpError.forbidden(requirement);
    }
  }
}

package dev.catalog.testing;

import dev.catalog.local.auth.DevelopmentIssuer;
import java.util.List;

/**
 * Who calls the API in a test, with the access token the development issuer gives that caller: the rows of the access
 * matrix in docs/security.md. A call with no role named sends the token of the least role its method needs
 * ({@link #needs}); {@link #ANONYMOUS} sends none.
 */
public enum Role {
  ANONYMOUS,
  /** A signed-in person in no group. */
  USER,
  EDITOR,
  ADMIN,
  /** A service client with the scope products/write. */
  WRITE_SERVICE,
  /** A service client with the scope products/admin. */
  ADMIN_SERVICE;

  /** The access token of this role from {@code issuer}; null for {@link #ANONYMOUS}. */
  public String token(DevelopmentIssuer issuer) {
    return switch (this) {
      case ANONYMOUS -> null;
      case USER -> issuer.person("user", List.of()).accessToken();
      case EDITOR -> issuer.person("editor", List.of("catalog-editors")).accessToken();
      case ADMIN -> issuer.person("admin", List.of("catalog-admins")).accessToken();
      case WRITE_SERVICE -> issuer.service("products/write").accessToken();
      case ADMIN_SERVICE -> issuer.service("products/admin").accessToken();
    };
  }

  /** The least role that may call {@code method}: editors write, administrators delete, anyone reads. */
  public static Role needs(String method) {
    return switch (method) {
      case "POST", "PUT", "PATCH" -> EDITOR;
      case "DELETE" -> ADMIN;
      default -> ANONYMOUS;
    };
  }

  /** Whether this role may call {@code method}, per the access matrix. */
  public boolean may(String method) {
    return switch (needs(method)) {
      case ANONYMOUS -> true;
      case EDITOR ->
          this == EDITOR || this == ADMIN || this == WRITE_SERVICE || this == ADMIN_SERVICE;
      default -> this == ADMIN || this == ADMIN_SERVICE;
    };
  }
}

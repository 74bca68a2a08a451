package dev.catalog.local.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;

/**
 * A real user pool's issuer ({@code -Dlocal.issuer=URL}): its keys from {@code <issuer>/.well-known/jwks.json}, as
 * Cognito publishes them, fetched on first use, cached, and fetched again for an unknown {@code kid}. Any of its app
 * clients is accepted, as API Gateway's Cognito authorizer accepts them.
 */
public record RemoteIssuer(String issuer, JWKSource<SecurityContext> keys)
    implements TrustedIssuer {
  public static RemoteIssuer of(String issuer) {
    String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    try {
      return new RemoteIssuer(
          trimmed,
          JWKSourceBuilder.create(URI.create(trimmed + "/.well-known/jwks.json").toURL()).build());
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("-Dlocal.issuer=" + issuer + " is not a URL", e);
    }
  }

  @Override
  public Set<String> clients() {
    return Set.of();
  }
}

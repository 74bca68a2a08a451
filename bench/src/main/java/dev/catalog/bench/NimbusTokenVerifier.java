package dev.catalog.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.catalog.auth.AccessToken;
import dev.catalog.auth.TokenRefused;
import dev.catalog.auth.TokenVerifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * The feed authorizer's checks done with nimbus-jose-jwt, as one would ship it: its JWKS source (cached, refreshed
 * on an unknown kid, rate-limited), a key selector pinned to RS256, and its claims verifier. Test scope: one side of
 * the benchmark's comparison of JWT libraries (docs/performance.md), not what the function ships.
 */
final class NimbusTokenVerifier implements TokenVerifier {
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final Set<String> clients;

  NimbusTokenVerifier(String issuer, Set<String> clients) {
    this.clients = clients;
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.create(URI.create(issuer + "/.well-known/jwks.json").toURL())
              .retrying(false)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access").build(),
            Set.of("sub", "exp", "iat", "client_id")));
  }

  @Override
  public AccessToken verify(String token) throws TokenRefused {
    if (token == null || token.isBlank()) {
      throw new TokenRefused("no token");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new TokenRefused("refused by nimbus-jose-jwt");
    }
    try {
      String client = claims.getStringClaim("client_id");
      if (!clients.contains(client)) {
        throw new TokenRefused("the token's app client is not accepted (client_id)");
      }
      List<String> groups = claims.getStringListClaim("cognito:groups");
      String scope = claims.getStringClaim("scope");
      return new AccessToken(
          claims.getSubject(),
          client,
          scope == null ? "" : scope,
          groups == null ? "" : String.join(",", groups),
          claims.getClaim("username") != null,
          claims.getExpirationTime().toInstant().getEpochSecond());
    } catch (ParseException e) {
      throw new TokenRefused("a claim has the wrong type");
    }
  }
}

package dev.catalog.bench;

import dev.catalog.auth.AccessToken;
import dev.catalog.auth.TokenRefused;
import dev.catalog.auth.TokenVerifier;
import java.util.List;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * The feed authorizer's checks done with jose4j, as one would ship it: its HTTPS JWKS (cached, refreshed on an
 * unknown kid), algorithm constraints permitting RS256 only, and its JWT consumer. Test scope: one side of the
 * benchmark's comparison of JWT libraries (docs/performance.md), not what the function ships.
 */
final class Jose4jTokenVerifier implements TokenVerifier {
  private final JwtConsumer consumer;
  private final Set<String> clients;

  Jose4jTokenVerifier(String issuer, Set<String> clients) {
    this.clients = clients;
    HttpsJwks jwks = new HttpsJwks(issuer + "/.well-known/jwks.json");
    consumer =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
            .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
            .setExpectedIssuer(issuer)
            .setRequireExpirationTime()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(60)
            .setSkipDefaultAudienceValidation()
            .build();
  }

  @Override
  public AccessToken verify(String token) throws TokenRefused {
    if (token == null || token.isBlank()) {
      throw new TokenRefused("no token");
    }
    JwtClaims claims;
    try {
      claims = consumer.processToClaims(token);
    } catch (InvalidJwtException e) {
      throw new TokenRefused("refused by jose4j");
    }
    try {
      if (!"access".equals(claims.getStringClaimValue("token_use"))) {
        throw new TokenRefused("the token is not an access token (token_use)");
      }
      String client = claims.getStringClaimValue("client_id");
      if (!clients.contains(client)) {
        throw new TokenRefused("the token's app client is not accepted (client_id)");
      }
      List<String> groups =
          claims.hasClaim("cognito:groups")
              ? claims.getStringListClaimValue("cognito:groups")
              : List.of();
      String scope = claims.getStringClaimValue("scope");
      return new AccessToken(
          claims.getSubject(),
          client,
          scope == null ? "" : scope,
          String.join(",", groups),
          claims.hasClaim("username"),
          claims.getExpirationTime().getValue());
    } catch (MalformedClaimException e) {
      throw new TokenRefused("a claim has the wrong type");
    }
  }
}

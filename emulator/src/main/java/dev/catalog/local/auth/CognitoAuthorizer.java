package dev.catalog.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * API Gateway's Cognito user pool authorizer, emulated for one trusted pool. A token passes when it is a compact JWS
 * signed RS256 by a key of the pool's JWKS (no {@code alg: none}, no HMAC, whatever key the header names), issued by
 * the pool, within {@code nbf}/{@code exp}, and of the right use: on a method with authorization scopes an access token
 * holding one of them; on a method without, an ID token (as API Gateway documents). When the pool's app clients are
 * known, the token's client ({@code client_id} or {@code aud}) must be one of them. The header may hold the token
 * alone, as API Gateway expects, or after {@code Bearer }.
 */
public final class CognitoAuthorizer {
  /** What the authorizer decided: the verified claims, or why it refused (for the log; never the token). */
  public sealed interface Decision {}

  public record Allowed(JWTClaimsSet claims) implements Decision {}

  public record Refused(String reason) implements Decision {}

  private final TrustedIssuer issuer;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public CognitoAuthorizer(TrustedIssuer issuer) {
    this.issuer = issuer;
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, issuer.keys()));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(),
            Set.of("sub", "exp", "iat", "token_use")));
  }

  public TrustedIssuer issuer() {
    return issuer;
  }

  /** @param scopes the method's authorization scopes; empty when it has none */
  public Decision authorize(String authorization, List<String> scopes) {
    if (authorization == null || authorization.isBlank()) {
      return new Refused("no token");
    }
    String token = authorization.strip();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).strip();
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      return new Refused("not a JWT");
    } catch (BadJOSEException | JOSEException e) {
      return new Refused(e.getMessage());
    }
    String use = String.valueOf(claims.getClaim("token_use"));
    if (scopes.isEmpty() && !use.equals("id")) {
      return new Refused("a method without scopes takes an ID token, not token_use " + use);
    }
    if (!scopes.isEmpty()) {
      if (!use.equals("access")) {
        return new Refused("a method with scopes takes an access token, not token_use " + use);
      }
      Object scope = claims.getClaim("scope");
      if (scope == null || Arrays.stream(scope.toString().split(" ")).noneMatch(scopes::contains)) {
        return new Refused("the token holds none of the scopes " + scopes);
      }
    }
    if (!issuer.clients().isEmpty()) {
      Collection<String> client =
          use.equals("id")
              ? claims.getAudience()
              : List.of(String.valueOf(claims.getClaim("client_id")));
      if (client.stream().noneMatch(issuer.clients()::contains)) {
        return new Refused("the token's client " + client + " is not an app client of the pool");
      }
    }
    return new Allowed(claims);
  }
}

package dev.catalog.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A user pool of one's own for development: an RSA signing key made at start, its JWKS, and tokens shaped like
 * Cognito's (RS256, a {@code kid}; an access token with {@code token_use}, {@code client_id}, {@code scope} and, for a
 * person, {@code username} and {@code cognito:groups}; an ID token with {@code aud}). Two app clients, as in the
 * template: {@link #PEOPLE_CLIENT} and {@link #SERVICE_CLIENT}.
 */
public final class DevelopmentIssuer implements TrustedIssuer {
  public static final String PEOPLE_CLIENT = "local-people-client";
  public static final String SERVICE_CLIENT = "local-service-client";

  /** What a person's access token carries, as the template's people client allows. */
  public static final String PEOPLE_SCOPE = "openid email";

  /** How long a token lives unless asked otherwise, as Cognito's access tokens by default. */
  public static final Duration LIFETIME = Duration.ofHours(1);

  /** The longest life one may ask for ({@link #withLifetime}): Cognito's longest for an access token, a day. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(1);

  private final RSAKey key;
  private final String issuer;
  private final Clock clock;
  private final Duration lifetime;

  public DevelopmentIssuer(Clock clock) {
    this(
        clock,
        "https://cognito-idp.local.invalid/local_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 9));
  }

  /** A pool whose tokens name {@code issuer}, e.g. one whose JWKS a test serves itself. */
  public DevelopmentIssuer(Clock clock, String issuer) {
    this.clock = clock;
    this.issuer = issuer;
    this.lifetime = LIFETIME;
    try {
      this.key =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot make the development signing key", e);
    }
  }

  public DevelopmentIssuer() {
    this(Clock.systemUTC());
  }

  private DevelopmentIssuer(DevelopmentIssuer pool, Duration lifetime) {
    this.key = pool.key;
    this.issuer = pool.issuer;
    this.clock = pool.clock;
    this.lifetime = lifetime;
  }

  /**
   * The same pool (key, issuer, clock) issuing tokens that expire {@code lifetime} after they are issued: short-lived
   * tokens for trying what happens at expiry.
   *
   * @throws IllegalArgumentException unless {@code lifetime} is positive and at most {@link #MAX_LIFETIME}
   */
  public DevelopmentIssuer withLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("a token lives more than 0 s and at most " + MAX_LIFETIME);
    }
    return new DevelopmentIssuer(this, lifetime);
  }

  /** How long this pool's tokens live. */
  public Duration lifetime() {
    return lifetime;
  }

  /** Tokens of a person in {@code groups} (none: a user in no group); the subject is derived from the name. */
  public Tokens person(String username, List<String> groups) {
    String sub = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    Instant now = clock.instant();
    JWTClaimsSet.Builder access =
        common(now)
            .subject(sub)
            .claim("token_use", "access")
            .claim("client_id", PEOPLE_CLIENT)
            .claim("scope", PEOPLE_SCOPE)
            .claim("username", username);
    JWTClaimsSet.Builder id =
        common(now)
            .subject(sub)
            .claim("token_use", "id")
            .audience(PEOPLE_CLIENT)
            .claim("cognito:username", username)
            .claim("email", username + "@example.com")
            .claim("email_verified", true);
    if (!groups.isEmpty()) {
      access.claim("cognito:groups", groups);
      id.claim("cognito:groups", groups);
    }
    return new Tokens(sign(access.build()), sign(id.build()), sub);
  }

  /** The token a service gets with client credentials for {@code scope} (space-separated); no ID token. */
  public Tokens service(String scope) {
    JWTClaimsSet claims =
        common(clock.instant())
            .subject(SERVICE_CLIENT)
            .claim("token_use", "access")
            .claim("client_id", SERVICE_CLIENT)
            .claim("scope", scope)
            .build();
    return new Tokens(sign(claims), null, SERVICE_CLIENT);
  }

  private JWTClaimsSet.Builder common(Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString())
        .claim("auth_time", now.getEpochSecond());
  }

  /** Signs any claims with this pool's key, as its tokens are signed: for tests that forge the rest. */
  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a development token", e);
    }
  }

  /** The public half of the key, as a JWKS document would hold it. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  public RSAKey publicKey() {
    return key.toPublicJWK();
  }

  @Override
  public String issuer() {
    return issuer;
  }

  @Override
  public com.nimbusds.jose.jwk.source.JWKSource<SecurityContext> keys() {
    return new ImmutableJWKSet<>(publicKeys());
  }

  @Override
  public Set<String> clients() {
    return Set.of(PEOPLE_CLIENT, SERVICE_CLIENT);
  }

  /** The tokens of one sign-in; {@code idToken} is null for a service. {@code subject} is what createdBy records. */
  public record Tokens(String accessToken, String idToken, String subject) {}
}

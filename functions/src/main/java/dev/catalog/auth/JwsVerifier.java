package dev.catalog.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies a Cognito access token with the JDK alone: a compact JWS (RFC 7515) whose header says {@code RS256} and
 * nothing the verifier does not understand ({@code crit}), signed by the pool key its {@code kid} names
 * ({@link SigningKeys}), checked with {@code SHA256withRSA}; then its claims: {@code iss} the pool's,
 * {@code token_use} {@code access} (ID tokens are refused, as the REST API's write routes refuse them),
 * {@code client_id} one of the pool's app clients, within {@code exp}/{@code nbf} give or take {@link #CLOCK_SKEW},
 * an {@code iat} not in the future (give or take the skew) and at most {@link #MAX_LIFETIME} before {@code exp}, and
 * a {@code sub}. Every part is decoded as strict base64url ({@link Base64Url}: one spelling per token).
 *
 * <p>The one algorithm is fixed here, not read from the token: the header's {@code alg} must equal it, and the key is
 * always an RSA public key from the JWKS, so {@code none}, an HMAC keyed with the public key, or a key the token
 * carries itself ({@code jwk}, {@code jku}, {@code x5u}: ignored) cannot pass.
 */
public final class JwsVerifier implements TokenVerifier {
  /** Tolerated difference between the pool's clock and ours, as nimbus-jose-jwt's default (the local emulation). */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /**
   * The longest a token may be valid, {@code exp - iat}: Cognito's longest access token lifetime (a day), so a token
   * minted with a far expiry (a leaked signing key, a misconfigured issuer) is refused rather than trusted for years.
   */
  static final Duration MAX_LIFETIME = Duration.ofHours(24);

  /** A Cognito access token is about 1 KB; a client cannot make us decode megabytes. */
  static final int MAX_TOKEN_LENGTH = 8 * 1024;

  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private final String issuer;
  private final Set<String> clients;
  private final SigningKeys keys;
  private final Clock clock;

  JwsVerifier(String issuer, Set<String> clients, SigningKeys.Source jwks, Clock clock) {
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("at least one app client must be accepted");
    }
    this.issuer = issuer;
    this.clients = Set.copyOf(clients);
    this.keys = new SigningKeys(jwks, clock);
    this.clock = clock;
  }

  /** Tokens of {@code issuer} for {@code clients}, its keys from {@code <issuer>/.well-known/jwks.json}. */
  public static JwsVerifier of(String issuer, Set<String> clients, Clock clock) {
    String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    return new JwsVerifier(trimmed, clients, new HttpJwks(trimmed), clock);
  }

  @Override
  public AccessToken verify(String token) throws TokenRefused {
    if (token == null || token.isBlank()) {
      throw new TokenRefused("no token");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new TokenRefused("the token is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    if (!COMPACT_JWS.matcher(token).matches()) {
      throw new TokenRefused("the token is not a compact JWS (three base64url parts)");
    }
    int first = token.indexOf('.');
    int second = token.indexOf('.', first + 1);
    ObjectNode header = json(token.substring(0, first), "header");
    if (!"RS256".equals(text(header, "alg"))) {
      throw new TokenRefused("the token's algorithm is not RS256");
    }
    if (header.has("crit")) {
      throw new TokenRefused("the token's header has critical parameters");
    }
    String kid = text(header, "kid");
    if (kid == null) {
      throw new TokenRefused("the token's header names no kid");
    }
    verifySignature(keys.find(kid), token.substring(0, second), token.substring(second + 1));
    return claims(json(token.substring(first + 1, second), "payload"));
  }

  private static void verifySignature(RSAPublicKey key, String signingInput, String signature)
      throws TokenRefused {
    boolean valid;
    try {
      byte[] bytes = Base64Url.decode(signature);
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      // An RSA signature is exactly as long as the modulus; the check refuses padded or truncated
      // ones early.
      valid = bytes.length == (key.getModulus().bitLength() + 7) / 8 && rsa.verify(bytes);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      valid = false;
    }
    if (!valid) {
      throw new TokenRefused("the token's signature does not verify with the pool's key");
    }
  }

  private AccessToken claims(ObjectNode claims) throws TokenRefused {
    if (!issuer.equals(text(claims, "iss"))) {
      throw new TokenRefused("the token is not of the pool (iss)");
    }
    if (!"access".equals(text(claims, "token_use"))) {
      throw new TokenRefused("the token is not an access token (token_use)");
    }
    String client = text(claims, "client_id");
    if (client == null || !clients.contains(client)) {
      throw new TokenRefused("the token's app client is not accepted (client_id)");
    }
    long now = clock.instant().getEpochSecond();
    long skew = CLOCK_SKEW.toSeconds();
    JsonNode expires = claims.get("exp");
    if (expires == null || !expires.isNumber()) {
      throw new TokenRefused("the token has no expiry (exp)");
    }
    if (now > expires.asLong() + skew) {
      throw new TokenRefused("the token has expired");
    }
    JsonNode issued = claims.get("iat");
    if (issued == null || !issued.isNumber()) {
      throw new TokenRefused("the token has no issue time (iat)");
    }
    if (issued.asLong() > now + skew) {
      throw new TokenRefused("the token is issued in the future (iat)");
    }
    if (expires.asLong() - issued.asLong() > MAX_LIFETIME.toSeconds()) {
      throw new TokenRefused(
          "the token's lifetime is longer than " + MAX_LIFETIME.toHours() + " h");
    }
    JsonNode notBefore = claims.get("nbf");
    if (notBefore != null && (!notBefore.isNumber() || now < notBefore.asLong() - skew)) {
      throw new TokenRefused("the token is not valid yet (nbf)");
    }
    String subject = text(claims, "sub");
    if (subject == null || subject.isBlank()) {
      throw new TokenRefused("the token has no subject (sub)");
    }
    String scope = text(claims, "scope");
    return new AccessToken(
        subject,
        client,
        scope == null ? "" : scope,
        groups(claims.get("cognito:groups")),
        text(claims, "username") != null,
        expires.asLong());
  }

  private static String groups(JsonNode groups) throws TokenRefused {
    if (groups == null) {
      return "";
    }
    if (!groups.isArray()) {
      throw new TokenRefused("the token's cognito:groups is not a list");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode group : groups) {
      if (!group.isTextual()) {
        throw new TokenRefused("the token's cognito:groups holds a value that is not a name");
      }
      names.add(group.asText());
    }
    return String.join(",", names);
  }

  private static ObjectNode json(String part, String name) throws TokenRefused {
    try {
      return Json.readObject(Base64Url.decode(part));
    } catch (HttpError | IllegalArgumentException malformed) {
      throw new TokenRefused("the token's " + name + " is not a JSON object");
    }
  }

  private static String text(JsonNode object, String member) {
    JsonNode value = object.get(member);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}

package dev.catalog.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.catalog.local.auth.DevelopmentIssuer;
import dev.catalog.testing.CapturedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The token checks of {@link JwsVerifier} at their boundaries, each refusal with its reason: times ({@code exp},
 * {@code nbf}, {@code iat}, the lifetime), strict base64url, the length cap; against one pool key made once and
 * handed over in memory (the JWKS over HTTP is {@link FeedAuthorizerHandlerTest}'s and {@link HttpJwksTest}'s).
 */
class JwsVerifierTest {
  static final String ISSUER = "https://issuer.example/us-east-1_test";
  static final String SUBJECT = "4f1c2b7e-0d3a-4e59-8a61-9b0c7d2e5f18";
  static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-12-01T12:00:00Z"));
  static final DevelopmentIssuer POOL = new DevelopmentIssuer(CLOCK, ISSUER);
  static final long NOW = CLOCK.instant().getEpochSecond();
  static final long SKEW = JwsVerifier.CLOCK_SKEW.toSeconds();
  static final long DAY = JwsVerifier.MAX_LIFETIME.toSeconds();

  final JwsVerifier verifier =
      new JwsVerifier(
          ISSUER,
          Set.of(DevelopmentIssuer.PEOPLE_CLIENT),
          () -> POOL.publicKeys().toString(),
          CLOCK);

  /** A person's access token issued now for an hour, to change before signing. */
  static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(SUBJECT)
        .jwtID("2d6b8f0e-9c1a-4b7e-a3f5-6e8d0c2b4a19")
        .claim("token_use", "access")
        .claim("client_id", DevelopmentIssuer.PEOPLE_CLIENT)
        .claim("scope", DevelopmentIssuer.PEOPLE_SCOPE)
        .claim("username", "ann")
        .claim("cognito:groups", List.of("catalog-admins"))
        .claim("iat", NOW)
        .claim("exp", NOW + 3600);
  }

  static String sign(JWTClaimsSet.Builder claims) {
    return POOL.sign(claims.build());
  }

  AccessToken allowed(JWTClaimsSet.Builder claims) throws TokenRefused {
    return verifier.verify(sign(claims));
  }

  void assertRefused(String token, String reason) {
    TokenRefused refused = assertThrows(TokenRefused.class, () -> verifier.verify(token));
    assertTrue(refused.getMessage().contains(reason), refused.getMessage());
  }

  void assertRefused(JWTClaimsSet.Builder claims, String reason) {
    assertRefused(sign(claims), reason);
  }

  @Test
  void aValidTokenIsReadIntoItsClaims() throws TokenRefused {
    AccessToken token =
        allowed(claims().claim("cognito:groups", List.of("catalog-admins", "staff")));

    assertEquals(SUBJECT, token.subject());
    assertEquals(DevelopmentIssuer.PEOPLE_CLIENT, token.clientId());
    assertEquals(DevelopmentIssuer.PEOPLE_SCOPE, token.scope());
    assertEquals("catalog-admins,staff", token.groups());
    assertTrue(token.person());
  }

  @Test
  void tokenExpiredByMoreThanTheClockSkewIsRefusedAndOneWithinItIsNot() throws TokenRefused {
    allowed(claims().claim("iat", NOW - 3600 - SKEW).claim("exp", NOW - SKEW));
    assertRefused(claims().claim("iat", NOW - 3600).claim("exp", NOW - SKEW - 1), "expired");
    assertRefused(claims().claim("exp", null), "no expiry");
    assertRefused(claims().claim("exp", "tomorrow"), "no expiry");
  }

  @Test
  void tokenNotYetValidIsRefused() throws TokenRefused {
    assertRefused(claims().claim("nbf", NOW + SKEW + 1), "not valid yet");
    assertRefused(claims().claim("nbf", "now"), "not valid yet");
  }

  @Test
  void tokenValidFromWithinTheClockSkewOrFromThePastIsAllowed() throws TokenRefused {
    allowed(claims().claim("nbf", NOW + SKEW));
    allowed(claims().claim("nbf", NOW + 1));
    allowed(claims().claim("nbf", NOW - 600));
  }

  @Test
  void tokenWithoutIssueTimeIsRefused() {
    assertRefused(claims().claim("iat", null), "no issue time (iat)");
    assertRefused(claims().claim("iat", "today"), "no issue time (iat)");
  }

  @Test
  void tokenIssuedInTheFutureBeyondTheClockSkewIsRefused() throws TokenRefused {
    allowed(claims().claim("iat", NOW + SKEW).claim("exp", NOW + SKEW + 3600));
    assertRefused(
        claims().claim("iat", NOW + SKEW + 1).claim("exp", NOW + SKEW + 3600),
        "issued in the future");
  }

  @Test
  void tokenValidForLongerThanADayIsRefused() throws TokenRefused {
    allowed(claims().claim("iat", NOW - 10).claim("exp", NOW - 10 + DAY));
    assertRefused(claims().claim("iat", NOW - 10).claim("exp", NOW - 10 + DAY + 1), "lifetime");
    assertRefused(claims().claim("iat", 0L).claim("exp", NOW + 3600), "lifetime");
  }

  /** The same bytes spelt otherwise: the last character's unused low bit set (length not a multiple of 4). */
  static String otherSpelling(String part) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char last = part.charAt(part.length() - 1);
    String other =
        part.substring(0, part.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
    assertNotEquals(part, other);
    assertArrayEquals(
        Base64.getUrlDecoder().decode(part),
        Base64.getUrlDecoder().decode(other),
        "the JDK's decoder reads both spellings as the same bytes");
    return other;
  }

  @Test
  void aSignatureSpeltAnotherWayIsRefusedThoughItDecodesToTheSameBytes() throws TokenRefused {
    String token = sign(claims());
    String[] parts = token.split("\\.");
    verifier.verify(token);
    assertEquals(2, parts[2].length() % 4, "an RS256 signature of 256 bytes has 4 unused bits");

    assertRefused(
        parts[0] + "." + parts[1] + "." + otherSpelling(parts[2]), "signature does not verify");
  }

  @Test
  void aHeaderSpeltAnotherWayIsRefusedBeforeItsSignatureIsChecked() {
    // The signing input is the text, so another spelling of the header or payload never verifies;
    // the header is read first, strictly.
    String header = "{\"alg\":\"RS256\",\"kid\":\"k\"}";
    String spelt = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes());
    String[] parts = sign(claims()).split("\\.");

    assertRefused(spelt + "." + parts[1] + "." + parts[2], "no signing key");
    assertRefused(
        otherSpelling(spelt) + "." + parts[1] + "." + parts[2], "header is not a JSON object");
  }

  @Test
  void strictBase64UrlTakesTheCanonicalUnpaddedSpellingOnly() {
    assertArrayEquals(new byte[] {1}, Base64Url.decode("AQ"));
    assertArrayEquals(new byte[] {-5, -1}, Base64Url.decode("-_8"));
    for (String refused : List.of("AR", "AQ==", "AQ=", "A", "+/8", "AQ\n")) {
      assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(refused), refused);
    }
  }

  @Test
  void aTokenOfTheLongestLengthIsReadAndALongerOneIsNot() {
    assertRefused("a".repeat(JwsVerifier.MAX_TOKEN_LENGTH), "not a compact JWS");
    assertRefused("a".repeat(JwsVerifier.MAX_TOKEN_LENGTH + 1), "longer than");
  }

  @Test
  void whenTheKeysCannotBeFetchedTheTokenIsRefusedAndTheFailureLogged() {
    JwsVerifier down =
        new JwsVerifier(
            ISSUER,
            Set.of(DevelopmentIssuer.PEOPLE_CLIENT),
            () -> {
              throw new IOException(
                  "GET https://issuer.example/.well-known/jwks.json answered 503");
            },
            CLOCK);
    try (CapturedOutput output = CapturedOutput.start()) {
      TokenRefused refused = assertThrows(TokenRefused.class, () -> down.verify(sign(claims())));

      assertEquals("the signing keys could not be fetched", refused.getMessage());
      assertTrue(
          output.text().contains("\"signing keys not fetched\"")
              && output.text().contains("answered 503"),
          output.text());
    }
  }

  @Test
  void whileTheKeyEndpointIsDownTheKeysFetchedBeforeKeepVerifyingPastTheHour() throws TokenRefused {
    SettableClock clock = new SettableClock(CLOCK.instant());
    AtomicBoolean down = new AtomicBoolean();
    AtomicInteger attempts = new AtomicInteger();
    JwsVerifier verifier =
        new JwsVerifier(
            ISSUER,
            Set.of(DevelopmentIssuer.PEOPLE_CLIENT),
            () -> {
              attempts.incrementAndGet();
              if (down.get()) {
                throw new IOException("GET .../jwks.json: connect timed out");
              }
              return POOL.publicKeys().toString();
            },
            clock);
    verifier.verify(sign(claims()));
    down.set(true);
    clock.advance(SigningKeys.MAX_AGE.plusHours(1));
    long now = clock.instant().getEpochSecond();

    try (CapturedOutput output = CapturedOutput.start()) {
      verifier.verify(sign(claims().claim("iat", now).claim("exp", now + 3600)));
      verifier.verify(sign(claims().claim("iat", now).claim("exp", now + 3600)));
      assertTrue(output.text().contains("signing keys not fetched"), output.text());
    }
    assertEquals(2, attempts.get(), "one more attempt, then none within 30 s");
  }

  @Test
  void theAppClientsAreReadFromTheCommaSeparatedList() {
    assertEquals(Set.of("a", "b"), FeedAuthorizerHandler.clients(" a, ,b ,"));
  }

  @Test
  void theAllowPolicysContextCarriesTheCallersClaims() throws IOException, TokenRefused {
    var out = new ByteArrayOutputStream();
    AuthorizerResponse.allow(
        allowed(claims().claim("cognito:groups", List.of("catalog-admins", "staff"))),
        "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/v1/$connect",
        out);
    JsonNode context = new ObjectMapper().readTree(out.toByteArray()).get("context");

    assertEquals(SUBJECT, context.path("sub").asText());
    assertEquals(DevelopmentIssuer.PEOPLE_CLIENT, context.path("clientId").asText());
    assertEquals(DevelopmentIssuer.PEOPLE_SCOPE, context.path("scope").asText());
    assertEquals("catalog-admins,staff", context.path("groups").asText());
  }

  @Test
  void eachDecisionLineNamesItsLevelConnectionAndCallerButNothingAbsent()
      throws IOException, TokenRefused {
    var json = new ObjectMapper();
    AccessToken token = allowed(claims());
    try (CapturedOutput output = CapturedOutput.start()) {
      AuthorizerLog.allowed(token, "conn-1", null);
      AuthorizerLog.refused("the token has expired", null, "req-1");

      List<String> lines = output.lines();
      JsonNode allowed = json.readTree(lines.get(lines.size() - 2));
      JsonNode refused = json.readTree(lines.get(lines.size() - 1));
      assertEquals("INFO", allowed.get("level").asText());
      assertEquals("conn-1", allowed.get("connectionId").asText());
      assertEquals(SUBJECT, allowed.get("principalId").asText());
      assertEquals(DevelopmentIssuer.PEOPLE_CLIENT, allowed.get("clientId").asText());
      assertTrue(!allowed.has("requestId") && !allowed.has("reason"), allowed::toString);
      assertEquals("WARN", refused.get("level").asText());
      assertEquals("req-1", refused.get("requestId").asText());
      assertTrue(!refused.has("connectionId") && !refused.has("principalId"), refused::toString);
    }
  }
}

package dev.catalog.auth;

import static dev.catalog.auth.AuthorizerInvocation.METHOD_ARN;
import static dev.catalog.auth.AuthorizerInvocation.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.catalog.local.auth.DevelopmentIssuer;
import dev.catalog.local.auth.ServedIssuer;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.InvocationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed's {@code $connect} authorizer against the development issuer served over real HTTP on loopback (its JWKS
 * at {@code <iss>/.well-known/jwks.json}, as Cognito serves a pool's): which tokens it allows, with which policy and
 * context; that it refuses every broken token as {@code Unauthorized} for the right reason; how often it fetches the
 * JWKS; and that no line it writes holds the token.
 */
class FeedAuthorizerHandlerTest {
  static final Set<String> CLIENTS =
      Set.of(DevelopmentIssuer.PEOPLE_CLIENT, DevelopmentIssuer.SERVICE_CLIENT);

  SettableClock clock = new SettableClock(Instant.now());
  ServedIssuer served;
  DevelopmentIssuer pool;
  FeedAuthorizerHandler handler;
  CapturedOutput output;

  @BeforeEach
  void start() {
    served = ServedIssuer.start(clock);
    pool = served.issuer();
    handler = new FeedAuthorizerHandler(JwsVerifier.of(served.url(), CLIENTS, clock));
    output = CapturedOutput.start();
  }

  @AfterEach
  void stop() {
    output.close();
    served.close();
  }

  JsonNode allow(String token) {
    return AuthorizerInvocation.invoke(handler, event(token));
  }

  /** Refused as API Gateway's 401, and logged with a reason that names why. */
  void assertRefused(String token, String reason) {
    assertRefused(event(token), reason);
  }

  void assertRefused(JsonNode event, String reason) {
    Unauthorized refused =
        assertThrows(Unauthorized.class, () -> AuthorizerInvocation.invoke(handler, event));
    assertEquals("Unauthorized", refused.getMessage());
    List<String> lines = output.lines();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    assertTrue(last.contains("\"connection refused\"") && last.contains(reason), last);
  }

  /** An access token of a person, as the pool issues it, to change before signing. */
  JWTClaimsSet.Builder personClaims() {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(served.url())
        .subject("0b8f7a66-1d7e-4a5c-9c1e-2f8b5a3e7d10")
        .claim("token_use", "access")
        .claim("client_id", DevelopmentIssuer.PEOPLE_CLIENT)
        .claim("scope", DevelopmentIssuer.PEOPLE_SCOPE)
        .claim("username", "ann")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  @Test
  void aPersonsAccessTokenIsAllowedWithAPolicyOnTheRouteAndItsClaimsInTheContext()
      throws Exception {
    var tokens = pool.person("ann", List.of("catalog-editors", "staff"));

    JsonNode answer = allow(tokens.accessToken());

    assertEquals(tokens.subject(), answer.get("principalId").asText());
    JsonNode statement = answer.at("/policyDocument/Statement/0");
    assertEquals("2012-10-17", answer.at("/policyDocument/Version").asText());
    assertEquals(1, answer.at("/policyDocument/Statement").size());
    assertEquals("execute-api:Invoke", statement.get("Action").asText());
    assertEquals("Allow", statement.get("Effect").asText());
    assertEquals(METHOD_ARN, statement.get("Resource").asText());
    JsonNode context = answer.get("context");
    assertEquals(tokens.subject(), context.get("sub").textValue());
    assertEquals(DevelopmentIssuer.PEOPLE_CLIENT, context.get("clientId").textValue());
    assertEquals("openid email", context.get("scope").textValue());
    assertEquals("catalog-editors,staff", context.get("groups").textValue());
    assertEquals(
        Long.toString(
            AuthorizerInvocation.JSON
                .readTree(
                    java.util.Base64.getUrlDecoder().decode(tokens.accessToken().split("\\.")[1]))
                .path("exp")
                .asLong()),
        context.get("expiresAt").textValue(),
        "the token's exp, after which the connection gets nothing");
    context.forEach(
        value -> assertTrue(value.isTextual(), "every context value is a string: " + context));
  }

  @Test
  void aPersonInNoGroupIsAllowedWithEmptyGroups() {
    JsonNode answer = allow(pool.person("bob", List.of()).accessToken());

    assertEquals("", answer.at("/context/groups").textValue());
  }

  @Test
  void aServicesAccessTokenIsAllowedWithItsClientIdAsPrincipalAndItsScopes() {
    JsonNode answer = allow(pool.service("products/write").accessToken());

    assertEquals(DevelopmentIssuer.SERVICE_CLIENT, answer.get("principalId").asText());
    assertEquals(DevelopmentIssuer.SERVICE_CLIENT, answer.at("/context/clientId").textValue());
    assertEquals("products/write", answer.at("/context/scope").textValue());
    assertEquals("", answer.at("/context/groups").textValue());
    assertEquals("Allow", answer.at("/policyDocument/Statement/0/Effect").asText());
  }

  @Test
  void anExpiredTokenIsRefusedAndOneExpiredWithinTheClockSkewIsNot() {
    String token = pool.person("ann", List.of()).accessToken();

    clock.advance(Duration.ofHours(1).plusSeconds(30));
    allow(token);
    clock.advance(Duration.ofSeconds(31));
    assertRefused(token, "expired");
  }

  @Test
  void theIssuerMayBeConfiguredWithATrailingSlash() throws TokenRefused {
    JwsVerifier verifier = JwsVerifier.of(served.url() + "/", CLIENTS, clock);

    assertEquals(
        "ann-sub", verifier.verify(pool.sign(personClaims().subject("ann-sub").build())).subject());
  }

  @Test
  void aTokenNotValidYetIsRefused() {
    Instant later = clock.instant().plus(Duration.ofMinutes(5));

    assertRefused(
        pool.sign(personClaims().notBeforeTime(Date.from(later)).build()), "not valid yet");
  }

  @Test
  void aTokenNamingAnotherIssuerIsRefusedEvenSignedWithThePoolsKey() {
    assertRefused(
        pool.sign(
            personClaims()
                .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")
                .build()),
        "(iss)");
  }

  @Test
  void aTokenOfAnotherPoolIsRefused() {
    assertRefused(new DevelopmentIssuer().service("products/write").accessToken(), "kid");
  }

  @Test
  void aTokenOfAnotherAppClientIsRefused() {
    assertRefused(
        pool.sign(personClaims().claim("client_id", "someone-elses-client").build()),
        "(client_id)");
  }

  @Test
  void anIdTokenIsRefusedBecauseTheFeedTakesAccessTokensOnly() {
    assertRefused(pool.person("ann", List.of("catalog-admins")).idToken(), "(token_use)");
  }

  @Test
  void aTokenWhoseSignatureIsNotOfItsContentIsRefused() {
    String[] person = pool.person("ann", List.of()).accessToken().split("\\.");
    String[] admin = pool.person("root", List.of("catalog-admins")).accessToken().split("\\.");

    assertRefused(person[0] + "." + admin[1] + "." + person[2], "signature");
    assertRefused(person[0] + "." + person[1] + "." + flipped(person[2]), "signature");
  }

  @Test
  void anUnsignedTokenWithAlgNoneIsRefused() {
    String header = base64Url("{\"alg\":\"none\",\"kid\":\"" + pool.publicKey().getKeyID() + "\"}");
    String payload = base64Url(personClaims().build().toString());

    assertRefused(header + "." + payload + ".", "not a compact JWS");
    assertRefused(header + "." + payload + "." + base64Url("anything"), "not RS256");
  }

  @Test
  void anHs256TokenKeyedWithThePoolsPublicKeyIsRefused()
      throws GeneralSecurityException, JOSEException {
    String header =
        base64Url("{\"alg\":\"HS256\",\"kid\":\"" + pool.publicKey().getKeyID() + "\"}");
    String payload = base64Url(personClaims().build().toString());
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(pool.publicKey().toRSAPublicKey().getEncoded(), "HmacSHA256"));
    String signature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                hmac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));

    assertRefused(header + "." + payload + "." + signature, "not RS256");
  }

  @Test
  void aTokenWithCriticalHeaderParametersIsRefused() {
    String header =
        base64Url(
            "{\"alg\":\"RS256\",\"kid\":\""
                + pool.publicKey().getKeyID()
                + "\",\"crit\":[\"exp\"]}");

    assertRefused(
        header + "." + base64Url(personClaims().build().toString()) + "." + base64Url("x"),
        "critical");
  }

  @Test
  void malformedTokensAreRefused() {
    String valid = pool.person("ann", List.of()).accessToken();
    assertRefused("not-a-token", "not a compact JWS");
    assertRefused(valid + ".", "not a compact JWS");
    assertRefused("Bearer " + valid, "not a compact JWS");
    assertRefused(valid.replace('.', '+'), "not a compact JWS");
    assertRefused(
        base64Url("[1]") + "." + base64Url("{}") + "." + base64Url("x"),
        "header is not a JSON object");
    assertRefused("e." + valid.substring(valid.indexOf('.') + 1), "header is not a JSON object");
    assertRefused("a".repeat(JwsVerifier.MAX_TOKEN_LENGTH + 1), "longer than");
  }

  @Test
  void aMissingOrRepeatedTokenIsRefused() {
    assertRefused((String) null, "no token");
    assertRefused("", "no token");
    ObjectNode repeated = event(pool.person("ann", List.of()).accessToken());
    ((com.fasterxml.jackson.databind.node.ArrayNode)
            repeated.at("/multiValueQueryStringParameters/token"))
        .add(pool.person("root", List.of("catalog-admins")).accessToken());
    assertRefused(repeated, "more than once");
  }

  @Test
  void anInputThatIsNotAnEventIsRefused() {
    var out = new ByteArrayOutputStream();
    assertThrows(
        Unauthorized.class,
        () ->
            handler.handleRequest(
                new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)), out, null));
    assertEquals(0, out.size());
  }

  @Test
  void manyConnectionsFetchTheJwksOnce() {
    for (int i = 0; i < 25; i++) {
      allow(pool.person("user-" + i, List.of()).accessToken());
      allow(pool.service("products/write").accessToken());
    }

    assertEquals(1, served.jwksRequests());
  }

  @Test
  void aTokenSignedWithARotatedKeyIsAllowedAfterOneMoreFetchOfTheJwks() {
    allow(pool.person("ann", List.of()).accessToken());
    DevelopmentIssuer rotated = served.rotate();
    clock.advance(SigningKeys.MIN_REFRESH_INTERVAL);

    allow(rotated.person("ann", List.of()).accessToken());
    allow(rotated.service("products/admin").accessToken());
    allow(pool.person("ann", List.of()).accessToken());

    assertEquals(2, served.jwksRequests());
  }

  @Test
  void unknownKidsCannotMakeTheAuthorizerFetchTheJwksInALoop() {
    allow(pool.person("ann", List.of()).accessToken());
    for (int i = 0; i < 20; i++) {
      assertRefused(withMadeUpKid(), "kid");
      clock.advance(Duration.ofSeconds(1));
    }

    // 20 s of made-up kids, within one refresh interval of the first fetch: no fetch at all; then
    // at most one.
    assertEquals(1, served.jwksRequests());
    clock.advance(SigningKeys.MIN_REFRESH_INTERVAL);
    for (int i = 0; i < 20; i++) {
      assertRefused(withMadeUpKid(), "kid");
    }
    assertEquals(2, served.jwksRequests());
  }

  @Test
  void keysAreFetchedAgainAfterAnHourSoAWithdrawnKeyStopsBeingTrusted() {
    allow(pool.person("ann", List.of()).accessToken());
    clock.advance(SigningKeys.MAX_AGE);

    allow(pool.person("ann", List.of()).accessToken());

    assertEquals(2, served.jwksRequests());
  }

  @Test
  void eachDecisionLineCarriesTheInvocationsRequestIdAndATimestampToTheMillisecond()
      throws Exception {
    InvocationContext allowed = InvocationContext.of("FeedAuthorizerFunction", 10_000);
    InvocationContext refused = InvocationContext.of("FeedAuthorizerFunction", 10_000);
    InvocationContext notAnEvent = InvocationContext.of("FeedAuthorizerFunction", 10_000);

    AuthorizerInvocation.invoke(
        handler, event(pool.person("ann", List.of()).accessToken()), allowed);
    assertThrows(
        Unauthorized.class,
        () -> AuthorizerInvocation.invoke(handler, event("not-a-token"), refused));
    assertThrows(
        Unauthorized.class,
        () ->
            handler.handleRequest(
                new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(),
                notAnEvent));

    List<JsonNode> lines = new ArrayList<>();
    for (String line : output.lines()) {
      JsonNode parsed = AuthorizerInvocation.JSON.readTree(line.startsWith("{") ? line : "{}");
      if (parsed.path("message").asText().startsWith("connection ")) {
        lines.add(parsed);
      }
    }
    assertEquals(
        List.of("connection allowed", "connection refused", "connection refused"),
        lines.stream().map(line -> line.path("message").asText()).toList());
    assertEquals(
        List.of(allowed.awsRequestId(), refused.awsRequestId(), notAnEvent.awsRequestId()),
        lines.stream().map(line -> line.path("requestId").asText()).toList());
    for (JsonNode line : lines) {
      assertTrue(
          line.path("timestamp")
              .asText()
              .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
          line::toString);
    }
  }

  @Test
  void noLineTheAuthorizerWritesHoldsTheTokenOrAnyPartOfIt() {
    List<String> tokens = new ArrayList<>();
    tokens.add(pool.person("ann", List.of("catalog-editors")).accessToken());
    tokens.add(pool.service("products/admin").accessToken());
    tokens.add(pool.person("ann", List.of()).idToken());
    tokens.add(new DevelopmentIssuer().service("products/write").accessToken());
    tokens.add(pool.sign(personClaims().claim("client_id", "someone-elses-client").build()));
    tokens.add(pool.sign(personClaims().issuer("https://elsewhere.example").build()));
    for (String token : tokens) {
      try {
        allow(token);
      } catch (Unauthorized refused) {
        // Refusals are logged too: that is what is checked.
      }
    }
    clock.advance(Duration.ofHours(2));
    for (Iterator<String> token = tokens.iterator(); token.hasNext(); ) {
      String next = token.next();
      assertThrows(Unauthorized.class, () -> allow(next));
    }

    String written = output.text();
    assertTrue(
        written.contains("connection allowed") && written.contains("connection refused"), written);
    for (String token : tokens) {
      for (String part : token.split("\\.")) {
        assertFalse(written.contains(part), "the output holds a part of a token");
      }
    }
  }

  static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The signature with one character in its middle changed, still valid base64url. */
  static String flipped(String signature) {
    int middle = signature.length() / 2;
    char replaced = signature.charAt(middle) == 'A' ? 'B' : 'A';
    return signature.substring(0, middle) + replaced + signature.substring(middle + 1);
  }

  /** A token naming a kid nobody published, as an attacker makes them by the thousand. */
  String withMadeUpKid() {
    String header = base64Url("{\"alg\":\"RS256\",\"kid\":\"" + UUID.randomUUID() + "\"}");
    return header + "." + base64Url(personClaims().build().toString()) + "." + base64Url("made up");
  }
}

package dev.catalog.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.catalog.auth.JwsVerifier;
import dev.catalog.auth.TokenRefused;
import dev.catalog.auth.TokenVerifier;
import dev.catalog.local.auth.DevelopmentIssuer;
import dev.catalog.local.auth.ServedIssuer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The safety side of the comparison of JWT libraries (docs/performance.md): the feed authorizer's checks on the
 * JDK alone (what ships), on nimbus-jose-jwt and on jose4j, each configured as the benchmark runs it, against the
 * same issuer served over loopback. Each accepts a valid access token and refuses the classic attacks: {@code alg:
 * none}, HS256 keyed with the pool's public key, a key embedded in the header ({@code jwk}), a token of another
 * pool, an expired token, an ID token, another app client.
 */
class JwtLibrariesTest {
  static final Set<String> CLIENTS =
      Set.of(DevelopmentIssuer.PEOPLE_CLIENT, DevelopmentIssuer.SERVICE_CLIENT);
  static ServedIssuer served;

  @BeforeAll
  static void serve() {
    served = ServedIssuer.start(Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  static Map<String, TokenVerifier> verifiers() {
    Map<String, TokenVerifier> verifiers = new LinkedHashMap<>();
    verifiers.put("JDK (shipped)", JwsVerifier.of(served.url(), CLIENTS, Clock.systemUTC()));
    verifiers.put("nimbus-jose-jwt", new NimbusTokenVerifier(served.url(), CLIENTS));
    verifiers.put("jose4j", new Jose4jTokenVerifier(served.url(), CLIENTS));
    return verifiers;
  }

  static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(served.url())
        .subject("0b8f7a66-1d7e-4a5c-9c1e-2f8b5a3e7d10")
        .claim("token_use", "access")
        .claim("client_id", DevelopmentIssuer.PEOPLE_CLIENT)
        .claim("username", "ann")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String base64Url(String text) {
    return base64Url(text.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, String> attacks() throws GeneralSecurityException, JOSEException {
    DevelopmentIssuer pool = served.issuer();
    String kid = pool.publicKey().getKeyID();
    String payload = base64Url(claims().build().toString());
    Map<String, String> attacks = new LinkedHashMap<>();
    String none = base64Url("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}");
    attacks.put("alg none, empty signature", none + "." + payload + ".");
    attacks.put("alg none, some signature", none + "." + payload + "." + base64Url("x"));
    String hs256 = base64Url("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}");
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(pool.publicKey().toRSAPublicKey().getEncoded(), "HmacSHA256"));
    attacks.put(
        "HS256 keyed with the public key",
        hs256
            + "."
            + payload
            + "."
            + base64Url(hmac.doFinal((hs256 + "." + payload).getBytes(StandardCharsets.US_ASCII))));
    RSAKey mallory = new RSAKeyGenerator(2048).keyID(kid).generate();
    SignedJWT embedded =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).jwk(mallory.toPublicJWK()).build(),
            claims().build());
    embedded.sign(new RSASSASigner(mallory));
    attacks.put("a key of its own in the header (jwk), the pool's kid", embedded.serialize());
    attacks.put("another pool", new DevelopmentIssuer().person("ann", List.of()).accessToken());
    Instant past = Instant.now().minus(Duration.ofHours(2));
    attacks.put(
        "expired",
        pool.sign(
            claims()
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofHours(1))))
                .build()));
    attacks.put("an ID token", pool.person("ann", List.of()).idToken());
    attacks.put(
        "another app client", pool.sign(claims().claim("client_id", "someone-else").build()));
    return attacks;
  }

  @TestFactory
  Stream<DynamicContainer> eachLibraryAsConfiguredAcceptsAValidTokenAndRefusesTheAttacks()
      throws Exception {
    Map<String, String> attacks = attacks();
    String valid = served.issuer().person("ann", List.of("catalog-editors")).accessToken();
    return verifiers().entrySet().stream()
        .map(
            library ->
                DynamicContainer.dynamicContainer(
                    library.getKey(),
                    Stream.concat(
                        Stream.of(
                            DynamicTest.dynamicTest(
                                "a valid access token passes",
                                () ->
                                    assertEquals(
                                        "catalog-editors",
                                        library.getValue().verify(valid).groups()))),
                        attacks.entrySet().stream()
                            .map(
                                attack ->
                                    DynamicTest.dynamicTest(
                                        attack.getKey() + " is refused",
                                        () ->
                                            assertThrows(
                                                TokenRefused.class,
                                                () ->
                                                    library
                                                        .getValue()
                                                        .verify(attack.getValue())))))));
  }
}

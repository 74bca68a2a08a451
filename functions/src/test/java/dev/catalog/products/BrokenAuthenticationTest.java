package dev.catalog.products;

import static dev.catalog.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.catalog.local.auth.DevelopmentIssuer;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.Role;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.StoredState;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken authentication (OWASP API2): every token API Gateway's Cognito authorizer refuses is a 401 problem before any
 * function runs, on a create and on a delete, and nothing is written. The control case, the same editor's valid token,
 * is served, so each refusal is the token's fault alone.
 */
class BrokenAuthenticationTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static DevelopmentIssuer issuer() {
    return API.issuer();
  }

  /** A valid editor's access token, changed by {@code change} and signed again by the pool's key. */
  static String resigned(UnaryOperator<JWTClaimsSet.Builder> change) {
    try {
      JWTClaimsSet valid =
          SignedJWT.parse(issuer().person("editor", List.of("catalog-editors")).accessToken())
              .getJWTClaimsSet();
      return issuer().sign(change.apply(new JWTClaimsSet.Builder(valid)).build());
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  static String editorClaimsSignedBy(JWSHeader header, com.nimbusds.jose.JWSSigner signer) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              header,
              SignedJWT.parse(issuer().person("editor", List.of("catalog-editors")).accessToken())
                  .getJWTClaimsSet());
      jwt.sign(signer);
      return jwt.serialize();
    } catch (ParseException | JOSEException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> refusedTokens() throws JOSEException {
    Instant now = Instant.now();
    String kid = issuer().publicKey().getKeyID();
    String editor = issuer().person("editor", List.of("catalog-editors")).accessToken();
    String[] parts = editor.split("\\.");
    String otherSignature =
        issuer().person("someone", List.of("catalog-editors")).accessToken().split("\\.")[2];
    return Stream.of(
        Arguments.of("malformed", "Bearer not-a-token"),
        Arguments.of("three parts of garbage", "Bearer a.b.c"),
        Arguments.of(
            "another token's signature",
            "Bearer " + parts[0] + "." + parts[1] + "." + otherSignature),
        Arguments.of(
            "signed by another key under the pool's kid",
            "Bearer "
                + editorClaimsSignedBy(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    new RSASSASigner(new RSAKeyGenerator(2048).keyID(kid).generate()))),
        Arguments.of("alg none", "Bearer " + new PlainJWT(resignedClaims()).serialize()),
        Arguments.of(
            "HS256 keyed with the pool's public key",
            "Bearer "
                + editorClaimsSignedBy(
                    new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(),
                    new MACSigner(issuer().publicKey().toRSAPublicKey().getEncoded()))),
        Arguments.of(
            "expired",
            "Bearer "
                + resigned(
                    b ->
                        b.issueTime(Date.from(now.minusSeconds(7200)))
                            .expirationTime(Date.from(now.minusSeconds(3600))))),
        Arguments.of(
            "not yet valid",
            "Bearer " + resigned(b -> b.notBeforeTime(Date.from(now.plusSeconds(3600))))),
        Arguments.of(
            "wrong issuer",
            "Bearer " + resigned(b -> b.issuer("https://cognito-idp.local.invalid/other"))),
        Arguments.of(
            "wrong client",
            "Bearer " + resigned(b -> b.claim("client_id", "someone-elses-client"))),
        Arguments.of(
            "ID token where an access token is required",
            "Bearer " + issuer().person("editor", List.of("catalog-editors")).idToken()),
        Arguments.of(
            "access token without any of the method's scopes",
            "Bearer " + resigned(b -> b.claim("scope", "email"))),
        Arguments.of(
            "token from another pool",
            "Bearer "
                + new DevelopmentIssuer()
                    .person("editor", List.of("catalog-editors"))
                    .accessToken()));
  }

  private static JWTClaimsSet resignedClaims() {
    try {
      return SignedJWT.parse(issuer().person("editor", List.of("catalog-editors")).accessToken())
          .getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void aTokenTheAuthorizerRefusesIs401AndWritesNothing(String what, String authorization) {
    String id =
        API.post("/products")
            .as(Role.ADMIN)
            .json(SampleProducts.minimal("lamps").toString())
            .send()
            .createdId();
    StoredState before = StoredState.of(API, id);

    ApiResult create =
        API.post("/products")
            .header("Authorization", authorization)
            .json(SampleProducts.minimal("lamps").toString())
            .send();
    ApiResult delete = API.delete("/products/" + id).header("Authorization", authorization).send();

    assertEquals(
        "urn:products-api:problem:unauthorized",
        assertProblem(401, create, what).path("type").asText());
    assertEquals(
        "urn:products-api:problem:unauthorized",
        assertProblem(401, delete, what).path("type").asText());
    assertEquals(before, StoredState.of(API, id), what + ": nothing written");
  }

  @Test
  void theSameEditorsValidTokenIsServed() {
    String authorization = "Bearer " + resigned(b -> b);
    ApiResult create =
        API.post("/products")
            .header("Authorization", authorization)
            .json(SampleProducts.minimal("lamps").toString())
            .send();
    assertEquals(201, create.status(), create::toString);
  }
}

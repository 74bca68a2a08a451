package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.auth.LocalAuth;
import dev.catalog.local.auth.TokenEndpoint;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.SampleProducts;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local API's development issuer over HTTP: its token endpoint (RFC 6749's response), its JWKS (public parts
 * only), its tokens accepted by the emulated authorizer, refusals logged without the token; and
 * {@code -Dlocal.auth=off}, which serves writes without a token and says so.
 */
class LocalAuthTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final ObjectMapper JSON = new ObjectMapper();
  static final CapturedConsole CONSOLE = new CapturedConsole();
  static LocalApi api;
  static LocalApi open;

  @BeforeAll
  static void start() {
    api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(CONSOLE.stream())
            .start();
    open =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .auth(LocalAuth.off(DYNAMO.template()))
            .console(new CapturedConsole().stream())
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
    open.close();
  }

  static HttpResponse<String> token(LocalApi target, String form) {
    return Requests.send(
        Requests.to(target, TokenEndpoint.PATH)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form)));
  }

  static HttpResponse<String> create(LocalApi target, String authorization) {
    var request =
        Requests.to(target, "/products")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(SampleProducts.minimal("auth").toString()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return Requests.send(request);
  }

  @Test
  void aPersonsTokenResponseHasAccessAndIdTokensAndTheAccessTokenWrites() throws IOException {
    HttpResponse<String> response = token(api, "groups=catalog-editors&username=ann");
    JsonNode body = JSON.readTree(response.body());

    assertEquals(200, response.statusCode(), response::body);
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    assertEquals("Bearer", body.path("token_type").asText());
    assertEquals(3600, body.path("expires_in").asInt());
    assertTrue(body.path("id_token").isTextual(), response::body);
    HttpResponse<String> created = create(api, "Bearer " + body.path("access_token").asText());
    assertEquals(201, created.statusCode(), created::body);
    assertEquals(
        api.auth().developmentIssuer().orElseThrow().person("ann", java.util.List.of()).subject(),
        JSON.readTree(created.body()).path("createdBy").asText());
  }

  @Test
  void aServicesTokenResponseHasNoIdTokenAndItsScopeDecides() throws IOException {
    JsonNode write = JSON.readTree(token(api, "scope=products/write").body());

    assertFalse(write.has("id_token"));
    assertEquals(201, create(api, "Bearer " + write.path("access_token").asText()).statusCode());
    String id =
        JSON.readTree(create(api, "Bearer " + write.path("access_token").asText()).body())
            .path("id")
            .asText();
    HttpResponse<String> delete =
        Requests.send(
            Requests.to(api, "/products/" + id)
                .header("Authorization", "Bearer " + write.path("access_token").asText())
                .DELETE());
    assertEquals(403, delete.statusCode(), delete::body);
  }

  @Test
  void aFormNamingNeitherOrBothKindsOfCallerIs400InvalidRequest() throws IOException {
    for (String form :
        new String[] {
          "", "groups=a&scope=products/write", "grant_type=client_credentials", "groups=a&groups=b"
        }) {
      HttpResponse<String> response = token(api, form);
      assertEquals(400, response.statusCode(), form);
      assertEquals("invalid_request", JSON.readTree(response.body()).path("error").asText(), form);
    }
  }

  @Test
  void expiresInAsksForTokensOfThatLifeWhoseExpIsThatFarFromTheirIssue() throws IOException {
    for (String form :
        new String[] {"groups=&expires_in=5", "scope=products/write&expires_in=86400"}) {
      HttpResponse<String> response = token(api, form);
      assertEquals(200, response.statusCode(), response::body);
      JsonNode answer = JSON.readTree(response.body());
      long asked = Long.parseLong(form.substring(form.indexOf("expires_in=") + 11));
      assertEquals(asked, answer.path("expires_in").asLong(), form);
      JsonNode claims = claims(answer.path("access_token").asText());
      assertEquals(asked, claims.path("exp").asLong() - claims.path("iat").asLong(), form);
    }
    JsonNode byDefault =
        claims(JSON.readTree(token(api, "groups=").body()).path("access_token").asText());
    assertEquals(3600, byDefault.path("exp").asLong() - byDefault.path("iat").asLong());
  }

  @Test
  void anExpiresInThatIsNotAWholeNumberOfSecondsFrom1To86400Is400ProblemJson() throws IOException {
    for (String value :
        new String[] {"", "0", "-5", "5.0", "1e3", "five", "86401", "99999999999999999999"}) {
      String form = "groups=&expires_in=" + value;
      HttpResponse<String> response = token(api, form);
      assertEquals(400, response.statusCode(), form);
      assertEquals(
          "application/problem+json",
          response.headers().firstValue("Content-Type").orElse(""),
          form);
      JsonNode problem = JSON.readTree(response.body());
      assertEquals(400, problem.path("status").asInt(), form);
      assertTrue(problem.path("detail").asText().contains("expires_in"), form);
      assertEquals("invalid_request", problem.path("error").asText(), form);
      assertFalse(problem.has("access_token"), form);
    }
  }

  /** The claims of a JWT, read without verifying it. */
  static JsonNode claims(String jwt) throws IOException {
    return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  @Test
  void theJwksHoldsThePublicKeyOnly() throws IOException {
    HttpResponse<String> response = Requests.send(Requests.to(api, TokenEndpoint.JWKS_PATH));
    JsonNode key = JSON.readTree(response.body()).path("keys").path(0);

    assertEquals(200, response.statusCode());
    assertEquals("RSA", key.path("kty").asText());
    assertEquals(
        api.auth().developmentIssuer().orElseThrow().publicKey().getKeyID(),
        key.path("kid").asText());
    for (String privatePart : new String[] {"d", "p", "q", "dp", "dq", "qi"}) {
      assertFalse(key.has(privatePart), privatePart);
    }
  }

  @Test
  void aRefusedTokenIsLoggedWithItsReasonButNeverItself() throws IOException {
    String token =
        JSON.readTree(token(api, "groups=catalog-editors").body()).path("id_token").asText();

    HttpResponse<String> refused = create(api, "Bearer " + token);

    assertEquals(401, refused.statusCode(), refused::body);
    assertTrue(CONSOLE.text().contains("401"), CONSOLE::text);
    assertFalse(CONSOLE.text().contains(token.split("\\.")[1]), "a token in the log");
  }

  @Test
  void withAuthenticationOffAWriteNeedsNoTokenAndTheStartLineSaysSoLoudly() throws IOException {
    HttpResponse<String> created = create(open, null);

    assertEquals(201, created.statusCode(), created::body);
    assertEquals("local-auth-off", JSON.readTree(created.body()).path("createdBy").asText());
    assertTrue(LocalMain.authLine(open).contains("AUTHENTICATION OFF"), LocalMain.authLine(open));
    assertEquals(
        403,
        token(open, "groups=catalog-editors").statusCode(),
        "no issuer when nothing is checked");
  }

  @Test
  void withAuthenticationOnTheStartLineShowsTheCurlThatGetsAToken() {
    String line = LocalMain.authLine(api);

    assertTrue(
        line.contains(
            "curl -s -X POST " + api.url() + TokenEndpoint.PATH + " -d groups=catalog-editors"),
        line);
  }
}

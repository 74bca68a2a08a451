package dev.catalog.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dlocal.issuer=URL}: the keys of a pool fetched from {@code URL/.well-known/jwks.json} over HTTP, as
 * Cognito serves them; its tokens pass, whatever app client they name, and another pool's do not. The claims then
 * reach the function as API Gateway passes them.
 */
class RemoteIssuerTest {
  static HttpServer server;
  static DevelopmentIssuer pool;
  static CognitoAuthorizer authorizer;

  @BeforeAll
  static void serveJwks() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/us-east-1_Pool";
    pool = new DevelopmentIssuer(Clock.systemUTC(), issuer);
    server.createContext(
        "/us-east-1_Pool/.well-known/jwks.json",
        exchange -> {
          byte[] body = pool.publicKeys().toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    authorizer = new CognitoAuthorizer(RemoteIssuer.of(issuer + "/"));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void aTokenOfThePoolPassesWithItsClaimsAsApiGatewayPassesThem() {
    var decision =
        authorizer.authorize(
            "Bearer " + pool.person("ann", List.of("catalog-editors", "staff")).accessToken(),
            List.of("openid"));

    Map<String, String> claims =
        GatewayClaims.of(assertInstanceOf(CognitoAuthorizer.Allowed.class, decision).claims());
    assertEquals("catalog-editors,staff", claims.get("cognito:groups"));
    assertEquals("ann", claims.get("username"));
    assertEquals(
        true,
        claims
            .get("exp")
            .matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} UTC \\d{4}"),
        claims.get("exp"));
  }

  @Test
  void aTokenOfAnotherPoolIsRefused() {
    var decision =
        authorizer.authorize(
            new DevelopmentIssuer().service("products/write").accessToken(),
            List.of("products/write"));

    assertInstanceOf(CognitoAuthorizer.Refused.class, decision);
  }

  @Test
  void onAMethodWithoutScopesAnIdTokenPassesAndAnAccessTokenDoesNot() {
    var tokens = pool.person("ann", List.of());

    assertInstanceOf(
        CognitoAuthorizer.Allowed.class, authorizer.authorize(tokens.idToken(), List.of()));
    assertInstanceOf(
        CognitoAuthorizer.Refused.class, authorizer.authorize(tokens.accessToken(), List.of()));
  }
}

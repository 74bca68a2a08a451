package dev.catalog.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.http.Cors;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.SampleProducts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CORS headers of API Gateway's own answers (the template's gateway responses: 401, 403, 413...), through the
 * local API, which renders them from the template with the stack's parameter values. A gateway response can only map
 * literals and request values, so it cannot check an Origin against a list: with one origin in
 * {@code AllowedOrigins} it names that origin (any other origin's script is refused by its browser), with a list it
 * has no CORS header at all. The functions' own answers still echo an allowed origin of the list.
 */
class GatewayResponsesCorsTest {
  static final String SHOP = "https://shop.example";
  static final String ADMIN = "https://admin.example";
  static final String EVIL = "https://evil.example";

  @RegisterExtension
  static final DynamoDbLocal ONE_ORIGIN =
      new DynamoDbLocal().serving(parts -> parts.restApi(0).parameter("AllowedOrigins", SHOP));

  @RegisterExtension
  static final DynamoDbLocal LIST =
      new DynamoDbLocal()
          .serving(parts -> parts.restApi(0).parameter("AllowedOrigins", SHOP + "," + ADMIN));

  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Each kind of gateway response, by what provokes it. */
  static List<Function<URI, HttpRequest.Builder>> gatewayAnswers() {
    String product = SampleProducts.minimal("gateway").toString();
    return List.of(
        // 401: a write without a token, refused by the Cognito authorizer.
        api ->
            HttpRequest.newBuilder(api.resolve("/products"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(product)),
        // 403: a path no route serves.
        api -> HttpRequest.newBuilder(api.resolve("/no-such-route")),
        // 413: over API Gateway's 10 MB payload limit.
        api ->
            HttpRequest.newBuilder(api.resolve("/products"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1])));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }

  @Test
  void withOneOriginTheGatewayResponsesAllowThatOriginAndExposeTheHeadersClientsActOn()
      throws Exception {
    for (var answer : gatewayAnswers()) {
      var response = send(answer.apply(ONE_ORIGIN.services().api().url()).header("Origin", SHOP));
      String what = response.statusCode() + " " + response.body();

      assertTrue(List.of(401, 403, 413).contains(response.statusCode()), what);
      assertEquals(
          "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
      assertEquals(SHOP, response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      assertTrue(
          exposed(response)
              .containsAll(
                  List.of(
                      "ETag", "Retry-After", "WWW-Authenticate", "Accept-Patch", "Accept-Post")),
          what);
      // The same list as the functions' answers expose.
      assertEquals(
          Set.copyOf(Arrays.asList(Cors.EXPOSED_HEADERS.split(", "))),
          Set.copyOf(exposed(response)),
          what);
    }
  }

  @Test
  void withOneOriginAnotherOriginIsNotAllowedByAnyGatewayResponse() throws Exception {
    for (var answer : gatewayAnswers()) {
      var response = send(answer.apply(ONE_ORIGIN.services().api().url()).header("Origin", EVIL));

      // The one origin, never the requester's: the browser of a page of EVIL refuses the answer.
      assertEquals(SHOP, response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }
  }

  @Test
  void withAListOfOriginsTheGatewayResponsesAllowNoOriginListedOrNot() throws Exception {
    for (var answer : gatewayAnswers()) {
      for (String origin : List.of(SHOP, ADMIN, EVIL)) {
        var response = send(answer.apply(LIST.services().api().url()).header("Origin", origin));
        String what = origin + " " + response.statusCode() + " " + response.body();

        assertTrue(List.of(401, 403, 413).contains(response.statusCode()), what);
        assertNull(response.headers().firstValue("Access-Control-Allow-Origin").orElse(null), what);
        assertNull(
            response.headers().firstValue("Access-Control-Expose-Headers").orElse(null), what);
        assertEquals(
            "application/problem+json",
            response.headers().firstValue("Content-Type").orElse(""),
            what);
      }
    }
  }

  @Test
  void withAListOfOriginsTheFunctionsStillAllowEachListedOriginAndNoOther() throws Exception {
    URI products = LIST.services().api().url().resolve("/products/no-such-product");
    for (String origin : List.of(SHOP, ADMIN)) {
      var response = send(HttpRequest.newBuilder(products).header("Origin", origin));
      assertEquals(404, response.statusCode());
      assertEquals(origin, response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      assertTrue(exposed(response).contains("Retry-After"), response.headers().toString());
    }
    var evil = send(HttpRequest.newBuilder(products).header("Origin", EVIL));
    assertNull(evil.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  static List<String> exposed(HttpResponse<?> response) {
    return Arrays.stream(
            response.headers().firstValue("Access-Control-Expose-Headers").orElse("").split(","))
        .map(String::strip)
        .toList();
  }
}

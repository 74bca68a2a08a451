package dev.catalog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.catalog.local.events.http.ProxyEvents;
import dev.catalog.products.GetProductHandler;
import dev.catalog.products.ProductsContext;
import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CORS on every route: with the template's default {@code ALLOWED_ORIGINS: *} through the API, and with a list of
 * origins through handlers built on a {@link Cors} of that list (the template's environment is fixed per run).
 */
class CorsContractTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final String ORIGIN = "https://shop.example";
  static final List<String> CORS_HEADERS =
      List.of(
          "Access-Control-Allow-Origin",
          "Access-Control-Expose-Headers",
          "Access-Control-Allow-Methods",
          "Access-Control-Allow-Headers",
          "Access-Control-Max-Age",
          "Access-Control-Allow-Credentials");

  static String id;

  @BeforeAll
  static void createProduct() {
    id = API.post("/products").json(SampleProducts.full("cors").toString()).send().createdId();
  }

  /** One call per route, successful or not: CORS headers belong on errors too, or browsers hide them from scripts. */
  static List<ApiCall> everyRoute() {
    String product = SampleProducts.full("cors").toString();
    return List.of(
        API.get("/products"),
        API.get("/products/" + id),
        API.get("/products/no-such-id"),
        API.post("/products").json(product),
        API.post("/products").json("{"),
        API.put("/products/cors-put").json(product),
        API.patch("/products/" + id).mergePatch("{\"stock\":7}"),
        API.patch("/products/" + id).json("{}"),
        API.delete("/products/no-such-id"),
        API.call("OPTIONS", "/products"),
        API.call("OPTIONS", "/products/" + id));
  }

  static List<String> list(String header) {
    return header == null
        ? List.of()
        : Arrays.stream(header.split(",")).map(String::strip).toList();
  }

  @Test
  void aRequestWithAnOriginGetsAllowOriginStarAndTheExposedHeadersOnEveryRoute() {
    for (ApiCall call : everyRoute()) {
      ApiResult result = call.header("Origin", ORIGIN).send();
      String what = call.method() + " " + call.pathAndQuery() + ": " + result;
      assertEquals("*", result.header("Access-Control-Allow-Origin"), what);
      assertTrue(
          list(result.header("Access-Control-Expose-Headers"))
              .containsAll(List.of("ETag", "Location")),
          what);
      assertNull(result.header("Access-Control-Allow-Credentials"), what);
    }
  }

  @Test
  void aRequestWithoutAnOriginGetsNoCorsHeaders() {
    for (ApiCall call : everyRoute()) {
      ApiResult result = call.send();
      for (String header : CORS_HEADERS) {
        assertNull(
            result.header(header), () -> call.method() + " " + call.pathAndQuery() + " " + header);
      }
    }
  }

  /** The methods the template routes to each path: what Allow and Access-Control-Allow-Methods must list. */
  static final Map<String, Set<String>> SERVED =
      Map.of(
          "/products", Set.of("GET", "HEAD", "POST", "OPTIONS"),
          "/products/{id}", Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"));

  static Map<String, String> pathsOfEachResource() {
    return Map.of(
        "/products",
        "/products",
        "/products/" + id,
        "/products/{id}",
        "/products/not-yet-created",
        "/products/{id}");
  }

  @Test
  void aPreflightOnEitherResourceIs204WithTheMethodsThatResourceServesHeadersAndMaxAge() {
    pathsOfEachResource()
        .forEach(
            (path, resource) -> {
              ApiResult preflight =
                  API.call("OPTIONS", path)
                      .header("Origin", ORIGIN)
                      .header("Access-Control-Request-Method", "PATCH")
                      .header(
                          "Access-Control-Request-Headers",
                          "content-type, if-match, idempotency-key")
                      .send();

              assertEquals(204, preflight.status(), path);
              assertEquals("", preflight.body(), path);
              assertEquals("*", preflight.header("Access-Control-Allow-Origin"), path);
              assertEquals(
                  SERVED.get(resource),
                  Set.copyOf(list(preflight.header("Access-Control-Allow-Methods"))),
                  path);
              assertTrue(
                  list(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                      .containsAll(
                          List.of("content-type", "if-match", "if-none-match", "idempotency-key")),
                  path);
              assertTrue(Integer.parseInt(preflight.header("Access-Control-Max-Age")) > 0, path);
            });
  }

  @Test
  void optionsWithoutPreflightHeadersIs204WithAllowListingExactlyTheMethodsThePathServes() {
    pathsOfEachResource()
        .forEach(
            (path, resource) -> {
              ApiResult options = API.call("OPTIONS", path).send();

              assertEquals(204, options.status(), path);
              assertEquals(SERVED.get(resource), Set.copyOf(list(options.header("Allow"))), path);
              assertNull(options.header("Access-Control-Allow-Methods"), path);
              assertNull(options.header("Access-Control-Max-Age"), path);
            });
  }

  @Test
  void aMethodAPathDoesNotServeGetsApiGatewaysMissingAuthenticationToken() {
    for (ApiCall call :
        List.of(
            API.call("PUT", "/products"),
            API.call("DELETE", "/products"),
            API.call("PATCH", "/products"),
            API.post("/products/" + id).json("{}"))) {
      ApiResult result = call.send();
      assertEquals(403, result.status(), call.method() + " " + call.pathAndQuery());
      assertTrue(result.body().contains("\"urn:products-api:problem:no-route\""), result.body());
    }
  }

  @Test
  void optionsWithAnOriginButNoRequestMethodIsNotAPreflight() {
    ApiResult options = API.call("OPTIONS", "/products").header("Origin", ORIGIN).send();

    assertEquals(204, options.status());
    assertNull(options.header("Access-Control-Allow-Methods"));
    assertNull(options.header("Access-Control-Max-Age"));
  }

  /** Handlers like the template's, with {@code ALLOWED_ORIGINS} set to two origins. */
  static final class ListedOrigins {
    static final Cors CORS = new Cors("https://a.example, https://b.example");

    static APIGatewayProxyResponseEvent get(String productId, String... headers) {
      ProductsContext base = API.context();
      ProductsContext context =
          new ProductsContext(base.products(), base.idempotency(), CORS, base.clock());
      return send(
          new GetProductHandler(context),
          "GET",
          "/products/{id}",
          "/products/" + productId,
          Map.of("id", productId),
          headers);
    }

    static APIGatewayProxyResponseEvent preflight(String... headers) {
      var methods =
          RouteMethods.parse(API.dynamo().environment("PreflightFunction").get("ROUTE_METHODS"));
      return send(
          new PreflightHandler(CORS, methods),
          "OPTIONS",
          "/products/{id}",
          "/products/" + id,
          Map.of("id", id),
          headers);
    }

    static APIGatewayProxyResponseEvent send(
        ApiHandler handler,
        String method,
        String resource,
        String path,
        Map<String, String> pathParameters,
        String... headers) {
      List<Map.Entry<String, String>> entries = new ArrayList<>();
      for (int i = 0; i < headers.length; i += 2) {
        entries.add(Map.entry(headers[i], headers[i + 1]));
      }
      return handler.serve(
          ProxyEvents.of(method, resource, path, pathParameters, entries, null), null);
    }
  }

  @Test
  void aListedOriginIsEchoedWithVaryOrigin() {
    for (String origin : List.of("https://a.example", "https://b.example")) {
      Map<String, String> headers = ListedOrigins.get(id, "Origin", origin).getHeaders();

      assertEquals(origin, headers.get("Access-Control-Allow-Origin"));
      assertEquals("Origin", headers.get("Vary"));
      assertTrue(
          list(headers.get("Access-Control-Expose-Headers"))
              .containsAll(List.of("ETag", "Location")));
    }
  }

  @Test
  void anOriginNotListedGetsNoCorsHeaders() {
    for (String origin :
        List.of(
            "https://c.example",
            "https://a.example.evil",
            "http://a.example",
            "https://A.example",
            "null",
            "*",
            "https://a.example, https://b.example")) {
      Map<String, String> headers = ListedOrigins.get(id, "Origin", origin).getHeaders();
      for (String header : CORS_HEADERS) {
        assertNull(headers.get(header), () -> origin + " " + header);
      }
    }
  }

  @Test
  void withAListOfOriginsEveryResponseVariesByOrigin() {
    // A shared cache must not serve a response made for one origin (or for none) to another.
    assertEquals("Origin", ListedOrigins.get(id).getHeaders().get("Vary"));
    assertEquals(
        "Origin", ListedOrigins.get(id, "Origin", "https://c.example").getHeaders().get("Vary"));
    assertEquals(
        "Origin",
        ListedOrigins.get("no-such-id", "Origin", "https://c.example").getHeaders().get("Vary"));
  }

  @Test
  void aPreflightFromAListedOriginIsAllowedAndFromAnotherIsNot() {
    Map<String, String> allowed =
        ListedOrigins.preflight(
                "Origin", "https://b.example", "Access-Control-Request-Method", "DELETE")
            .getHeaders();
    assertEquals("https://b.example", allowed.get("Access-Control-Allow-Origin"));
    assertTrue(list(allowed.get("Access-Control-Allow-Methods")).contains("DELETE"));

    var refused =
        ListedOrigins.preflight(
            "Origin", "https://c.example", "Access-Control-Request-Method", "DELETE");
    assertEquals(204, refused.getStatusCode());
    for (String header : CORS_HEADERS) {
      assertNull(refused.getHeaders().get(header), header);
    }
    assertTrue(list(refused.getHeaders().get("Allow")).contains("DELETE"));
  }
}

package dev.catalog.http;

import static dev.catalog.http.ProxyEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreflightHandlerTest {
  private static final String SHOP = "https://shop.example.com";
  private static final RouteMethods ROUTES =
      RouteMethods.parse(
          "/products: GET HEAD POST OPTIONS; /products/{id}: GET HEAD PUT PATCH DELETE OPTIONS");
  private static final String METHODS = "GET, HEAD, PUT, PATCH, DELETE, OPTIONS";

  private static APIGatewayProxyResponseEvent options(String allowedOrigins, String... headers) {
    return optionsOn(allowedOrigins, "/products/{id}", "/products/p-1", headers);
  }

  private static APIGatewayProxyResponseEvent optionsOn(
      String allowedOrigins, String resource, String path, String... headers) {
    return new PreflightHandler(new Cors(allowedOrigins), ROUTES)
        .serve(event("OPTIONS", path, headers).withResource(resource), null);
  }

  private static void assertNoPreflightHeaders(Map<String, String> headers) {
    assertNull(headers.get("Access-Control-Allow-Methods"));
    assertNull(headers.get("Access-Control-Allow-Headers"));
    assertNull(headers.get("Access-Control-Max-Age"));
  }

  @Test
  void preflightFromAnAllowedOriginGetsMethodsHeadersAndMaxAge() {
    APIGatewayProxyResponseEvent response =
        options(
            SHOP,
            "Origin",
            SHOP,
            "Access-Control-Request-Method",
            "PUT",
            "Access-Control-Request-Headers",
            "content-type, if-match");
    assertEquals(204, response.getStatusCode());
    assertNull(response.getBody());
    Map<String, String> headers = response.getHeaders();
    assertEquals(SHOP, headers.get("Access-Control-Allow-Origin"));
    assertEquals("Origin", headers.get("Vary"));
    assertEquals(METHODS, headers.get("Access-Control-Allow-Methods"));
    assertEquals(
        "Content-Type, If-Match, If-None-Match, If-Unmodified-Since, If-Modified-Since, Idempotency-Key, "
            + "Authorization",
        headers.get("Access-Control-Allow-Headers"));
    assertEquals("600", headers.get("Access-Control-Max-Age"));
    assertEquals(METHODS, headers.get("Allow"));
  }

  @Test
  void preflightUnderStarGetsStarAndThePreflightHeaders() {
    Map<String, String> headers =
        options("*", "Origin", "https://anyone.example", "Access-Control-Request-Method", "DELETE")
            .getHeaders();
    assertEquals("*", headers.get("Access-Control-Allow-Origin"));
    assertEquals(METHODS, headers.get("Access-Control-Allow-Methods"));
  }

  @Test
  void preflightHeaderNamesAreCaseInsensitive() {
    Map<String, String> headers =
        options(SHOP, "origin", SHOP, "access-control-request-method", "PATCH").getHeaders();
    assertEquals(METHODS, headers.get("Access-Control-Allow-Methods"));
  }

  @Test
  void preflightFromADisallowedOriginGetsNoCorsHeaders() {
    APIGatewayProxyResponseEvent response =
        options(SHOP, "Origin", "https://evil.example", "Access-Control-Request-Method", "DELETE");
    assertEquals(204, response.getStatusCode());
    assertEquals(METHODS, response.getHeaders().get("Allow"));
    assertFalse(
        response.getHeaders().keySet().stream()
            .anyMatch(name -> name.startsWith("Access-Control-")));
  }

  @Test
  void optionsWithAnOriginButNoRequestMethodIsNotAPreflight() {
    Map<String, String> headers = options(SHOP, "Origin", SHOP).getHeaders();
    assertNoPreflightHeaders(headers);
    assertEquals(SHOP, headers.get("Access-Control-Allow-Origin"));
    assertEquals(METHODS, headers.get("Allow"));
  }

  @Test
  void optionsWithARequestMethodButNoOriginIsNotAPreflight() {
    Map<String, String> headers =
        options(SHOP, "Access-Control-Request-Method", "PUT").getHeaders();
    assertNoPreflightHeaders(headers);
    assertNull(headers.get("Access-Control-Allow-Origin"));
  }

  @Test
  void plainOptionsGetsTheAllowListAnd204WithNoBody() {
    APIGatewayProxyResponseEvent response = options("*");
    assertEquals(204, response.getStatusCode());
    assertNull(response.getBody());
    assertEquals(METHODS, response.getHeaders().get("Allow"));
    assertNoPreflightHeaders(response.getHeaders());
  }

  @Test
  void eachResourceListsOnlyItsOwnMethodsInAllowAndAllowMethods() {
    Map<String, String> collection =
        optionsOn(
                "*",
                "/products",
                "/products",
                "Origin",
                SHOP,
                "Access-Control-Request-Method",
                "POST")
            .getHeaders();
    assertEquals("GET, HEAD, POST, OPTIONS", collection.get("Allow"));
    assertEquals("GET, HEAD, POST, OPTIONS", collection.get("Access-Control-Allow-Methods"));
    Map<String, String> item =
        options("*", "Origin", SHOP, "Access-Control-Request-Method", "PUT").getHeaders();
    assertEquals(METHODS, item.get("Allow"));
    assertEquals(METHODS, item.get("Access-Control-Allow-Methods"));
  }

  @Test
  void aResourceNotInTheListIsAllowedOnlyOptions() {
    assertEquals("OPTIONS", optionsOn("*", "/elsewhere", "/elsewhere").getHeaders().get("Allow"));
    assertEquals("OPTIONS", optionsOn("*", null, "/products").getHeaders().get("Allow"));
  }

  @Test
  void malformedRouteMethodsFailAtInit() {
    for (String text : List.of("products: GET", "/products", "/products:", "/a: GET; /a: PUT")) {
      assertThrows(IllegalStateException.class, () -> RouteMethods.parse(text), text);
    }
  }
}

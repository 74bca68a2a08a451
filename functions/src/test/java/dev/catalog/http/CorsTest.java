package dev.catalog.http;

import static dev.catalog.http.ProxyEvents.event;
import static dev.catalog.http.ProxyEvents.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.catalog.kernel.HttpError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsTest {
  private static final String SHOP = "https://shop.example.com";
  private static final String ADMIN = "https://admin.example.com";

  private static Map<String, String> get(String allowedOrigins, String... headers) {
    APIGatewayProxyResponseEvent response =
        handler(new Cors(allowedOrigins), request -> ApiResponse.json(200, "{}"))
            .serve(event("GET", "/products", headers), null);
    assertEquals(200, response.getStatusCode());
    return response.getHeaders();
  }

  private static void assertNoCorsHeaders(Map<String, String> headers) {
    assertFalse(
        headers.keySet().stream().anyMatch(name -> name.startsWith("Access-Control-")),
        headers::toString);
  }

  @Test
  void allowedOriginIsEchoedWithVaryAndExposedHeaders() {
    Map<String, String> headers = get(SHOP + "," + ADMIN, "Origin", ADMIN);
    assertEquals(ADMIN, headers.get("Access-Control-Allow-Origin"));
    assertEquals("Origin", headers.get("Vary"));
    assertEquals(
        "ETag, Location, Idempotent-Replayed, Retry-After, WWW-Authenticate, Accept-Patch, Accept-Post",
        headers.get("Access-Control-Expose-Headers"));
  }

  @Test
  void originListIsCommaSeparatedAndTrimmed() {
    assertEquals(
        ADMIN,
        get(" " + SHOP + " , " + ADMIN + " ,", "Origin", ADMIN).get("Access-Control-Allow-Origin"));
  }

  @Test
  void originHeaderNameIsCaseInsensitive() {
    assertEquals(SHOP, get(SHOP, "origin", SHOP).get("Access-Control-Allow-Origin"));
  }

  @Test
  void starAllowsAnyOriginWithoutVary() {
    Map<String, String> headers = get("*", "Origin", "https://anyone.example");
    assertEquals("*", headers.get("Access-Control-Allow-Origin"));
    assertNull(headers.get("Vary"));
    assertEquals(
        "ETag, Location, Idempotent-Replayed, Retry-After, WWW-Authenticate, Accept-Patch, Accept-Post",
        headers.get("Access-Control-Expose-Headers"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example",
        "https://shop.example.com.evil.example",
        "http://shop.example.com",
        "https://shop.example.com:8443",
        "https://shop.example.com/",
        "null",
        ""
      })
  void disallowedOriginGetsNoCorsHeadersButVary(String origin) {
    Map<String, String> headers = get(SHOP, "Origin", origin);
    assertNoCorsHeaders(headers);
    assertEquals("Origin", headers.get("Vary"));
  }

  @Test
  void requestWithoutOriginGetsNoCorsHeadersButVarySoCachesKeyOnIt() {
    Map<String, String> headers = get(SHOP);
    assertNoCorsHeaders(headers);
    assertEquals("Origin", headers.get("Vary"));
  }

  @Test
  void requestWithoutOriginUnderStarGetsNeitherCorsHeadersNorVary() {
    Map<String, String> headers = get("*");
    assertNoCorsHeaders(headers);
    assertNull(headers.get("Vary"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " , "})
  void noConfiguredOriginAllowsNoneAndNeverVaries(String allowedOrigins) {
    Map<String, String> headers = get(allowedOrigins, "Origin", SHOP);
    assertNoCorsHeaders(headers);
    assertNull(headers.get("Vary"));
  }

  @Test
  void missingConfigurationAllowsNoOrigin() {
    assertFalse(new Cors(null).allows(SHOP));
  }

  @Test
  void errorResponsesCarryCorsHeadersSoTheBrowserCanReadThem() {
    APIGatewayProxyResponseEvent response =
        handler(
                new Cors(SHOP),
                request -> {
                  throw HttpError.notFound("No product has id x.");
                })
            .serve(event("GET", "/products/x", "Origin", SHOP), null);
    assertEquals(404, response.getStatusCode());
    assertEquals(SHOP, response.getHeaders().get("Access-Control-Allow-Origin"));
  }
}

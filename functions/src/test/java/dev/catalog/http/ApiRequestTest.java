package dev.catalog.http;

import static dev.catalog.http.ProxyEvents.event;
import static dev.catalog.http.ProxyEvents.request;
import static dev.catalog.kernel.HttpErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.MergePatch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {
  private static final String JSON = "application/json";

  private static APIGatewayProxyRequestEvent post(String body, String... headers) {
    return event("POST", "/products", headers).withBody(body);
  }

  private static ApiRequest json(String body) {
    return request(post(body, "Content-Type", JSON));
  }

  /** {"a":"..."} of exactly {@code bytes} UTF-8 bytes, its string made of {@code unit} (1 to 4 bytes) plus ASCII. */
  private static String bodyOfUtf8Bytes(int bytes, String unit) {
    int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
    int room = bytes - "{\"a\":\"\"}".length();
    String body =
        "{\"a\":\"" + unit.repeat(room / unitBytes) + "x".repeat(room % unitBytes) + "\"}";
    assertEquals(bytes, body.getBytes(StandardCharsets.UTF_8).length);
    return body;
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    ApiRequest request =
        request(event("GET", "/products", "content-type", JSON, "IF-MATCH", "\"1\""));
    assertEquals(JSON, request.header("Content-Type"));
    assertEquals("\"1\"", request.header("if-match"));
    assertNull(request.header("Origin"));
  }

  @Test
  void repeatedHeaderLinesAreJoinedWithCommas() {
    APIGatewayProxyRequestEvent event =
        event("PUT", "/products/p", "If-Match", "\"2\"")
            .withMultiValueHeaders(
                Map.of(
                    "If-Match",
                    List.of("\"1\""),
                    "if-match",
                    List.of("\"2\""),
                    "Origin",
                    List.of("https://shop.example.com")));
    ApiRequest request = request(event);
    assertTrue(
        EntityTags.ifMatchPasses(request.header("If-Match"), "1"), request.header("If-Match"));
    assertTrue(EntityTags.ifMatchPasses(request.header("If-Match"), "2"));
    assertEquals("https://shop.example.com", request.header("origin"));
  }

  @Test
  void repeatedContentTypeIsNotSilentlyPickedButRefused() {
    APIGatewayProxyRequestEvent event =
        post("{}", "Content-Type", JSON)
            .withMultiValueHeaders(Map.of("Content-Type", List.of("text/plain", JSON)));
    assertProblem(
        415, "unsupported-media-type", () -> request(event).jsonBody(JSON, "Accept-Post"));
  }

  @Test
  void noHeadersAtAllIsFine() {
    assertNull(request(new APIGatewayProxyRequestEvent()).header("Origin"));
  }

  @Test
  void requestIdPathsAndParametersComeFromTheEvent() {
    ApiRequest request =
        request(
            event("GET", "/products/p-1")
                .withPathParameters(Map.of("id", "p-1"))
                .withQueryStringParameters(Map.of("limit", "5")));
    assertEquals(ProxyEvents.REQUEST_ID, request.requestId());
    assertEquals("/products/p-1", request.path());
    assertEquals("/v1/products/p-1", request.publicPath());
    assertEquals("p-1", request.pathParameter("id"));
    assertEquals("5", request.queryParameter("limit"));
    assertNull(request.queryParameter("cursor"));
    assertEquals(List.of("limit"), List.copyOf(request.queryParameterNames()));
  }

  @Test
  void basePathIsWhatPrecedesTheRouteWhateverTheSpellingOfItsParameters() {
    assertEquals(
        "/v1",
        request(event("PUT", "/products/abc%2D1").withResource("/products/{id}")).basePath());
    assertEquals("/v1", request(event("POST", "/products").withResource("/products")).basePath());
    assertEquals(
        "/shop/v1",
        request(
                event("GET", "/products/a")
                    .withResource("/products/{id}")
                    .withRequestContext(
                        new APIGatewayProxyRequestEvent.ProxyRequestContext()
                            .withPath("/shop/v1/products/a")))
            .basePath());
    assertEquals(
        "",
        request(
                new APIGatewayProxyRequestEvent()
                    .withPath("/products/a%2Fb")
                    .withResource("/products/{id}"))
            .basePath());
    assertEquals("", request(event("GET", "/products/a")).basePath(), "no resource: no base path");
  }

  @Test
  void aPathSegmentIsPercentEncodedOnlyWhereItMustBe() {
    assertEquals("abc-1_x.y~", ApiRequest.pathSegment("abc-1_x.y~"));
    assertEquals("a%2Fb%20c%3F%23%25", ApiRequest.pathSegment("a/b c?#%"));
    assertEquals("caf%C3%A9%F0%9F%98%80", ApiRequest.pathSegment("caf\u00e9\ud83d\ude00"));
    assertEquals("a:b@c!$&'()*+,;=", ApiRequest.pathSegment("a:b@c!$&'()*+,;="));
  }

  @Test
  void eventWithoutContextOrParametersHasDefaults() {
    ApiRequest request = request(new APIGatewayProxyRequestEvent().withPath("/products"));
    assertEquals("unknown", request.requestId());
    assertEquals("/products", request.publicPath());
    assertNull(request.pathParameter("id"));
    assertNull(request.queryParameter("limit"));
  }

  @Test
  void repeatedQueryParameterIs400NamingIt() {
    APIGatewayProxyRequestEvent event =
        event("GET", "/products")
            .withQueryStringParameters(Map.of("category", "b", "limit", "5"))
            .withMultiValueQueryStringParameters(
                Map.of("category", List.of("a", "b"), "limit", List.of("5")));
    HttpError error =
        assertProblem(
            400,
            "invalid-query",
            () -> request(event).requireQueryParameters(Set.of("category", "limit")));
    assertEquals("Query parameter 'category' must be given at most once.", error.detail());
    assertEquals("5", request(event).queryParameter("limit"));
  }

  @Test
  void queryParameterARouteDoesNotTakeIs400NamingItAndWhatTheRouteTakes() {
    APIGatewayProxyRequestEvent event =
        event("GET", "/products/p-1")
            .withQueryStringParameters(Map.of("limit", "5"))
            .withMultiValueQueryStringParameters(Map.of("limit", List.of("5")));
    HttpError none =
        assertProblem(400, "invalid-query", () -> request(event).requireQueryParameters(Set.of()));
    assertEquals("Unknown query parameter 'limit'; this route takes none.", none.detail());
    HttpError some =
        assertProblem(
            400,
            "invalid-query",
            () -> request(event).requireQueryParameters(Set.of("cursor", "category")));
    assertEquals(
        "Unknown query parameter 'limit'; this route takes category and cursor.", some.detail());
  }

  @Test
  void jsonBodyIsParsed() {
    assertEquals(
        "Lamp", json("{\"name\":\"Lamp\"}").jsonBody(JSON, "Accept").get("name").textValue());
  }

  @Test
  void missingContentTypeIs415AdvertisingTheAcceptedType() {
    HttpError error =
        assertProblem(
            415,
            "unsupported-media-type",
            () -> request(post("{}")).jsonBody(MergePatch.MEDIA_TYPE, "Accept-Patch"));
    assertEquals(Map.of("Accept-Patch", MergePatch.MEDIA_TYPE), error.headers());
    assertEquals(
        "Send the body as application/merge-patch+json; no Content-Type was given.",
        error.detail());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "application/jsonx",
        "application/json; charset=ISO-8859-1",
        "application/merge-patch+json",
        "application/x-www-form-urlencoded"
      })
  void wrongContentTypeIs415NamingWhatWasSent(String contentType) {
    HttpError error =
        assertProblem(
            415,
            "unsupported-media-type",
            () -> request(post("{}", "Content-Type", contentType)).jsonBody(JSON, "Accept-Post"));
    assertEquals(Map.of("Accept-Post", JSON), error.headers());
    assertTrue(error.detail().endsWith(", not " + contentType.toLowerCase() + "."), error.detail());
  }

  @Test
  void contentTypeIsCheckedBeforeTheBody() {
    assertProblem(
        415, "unsupported-media-type", () -> request(post(null)).jsonBody(JSON, "Accept"));
  }

  @Test
  void emptyOrAbsentBodyIs400() {
    assertProblem(400, "missing-body", () -> json("").jsonBody(JSON, "Accept"));
    assertProblem(400, "missing-body", () -> json(null).jsonBody(JSON, "Accept"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "é", "€", "😀"})
  void bodyOfExactly64KiBIsAcceptedWhateverTheCharacterWidths(String unit) {
    String body = bodyOfUtf8Bytes(ApiRequest.MAX_BODY_BYTES, unit);
    assertEquals(1, json(body).jsonBody(JSON, "Accept").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "é", "€", "😀"})
  void bodyOneByteOver64KiBIs413EvenWhenItHasFewerCharacters(String unit) {
    String body = bodyOfUtf8Bytes(ApiRequest.MAX_BODY_BYTES + 1, unit);
    HttpError error =
        assertProblem(413, "payload-too-large", () -> json(body).jsonBody(JSON, "Accept"));
    assertEquals("The body is 65537 bytes; the limit is 65536 bytes.", error.detail());
  }

  @Test
  void hugeBodyIs413() {
    assertProblem(
        413,
        "payload-too-large",
        () -> json("{\"a\":\"" + "x".repeat(10_000_000) + "\"}").jsonBody(JSON, "Accept"));
  }

  private static ApiRequest base64(String encoded) {
    return request(post(encoded, "Content-Type", JSON).withIsBase64Encoded(true));
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void base64BodyIsDecodedThenParsed() {
    ApiRequest request = base64(encode("{\"name\":\"Café 😀\"}"));
    assertEquals("Café 😀", request.jsonBody(JSON, "Accept").get("name").textValue());
    assertArrayEquals(
        "{\"name\":\"Café 😀\"}".getBytes(StandardCharsets.UTF_8), request.bodyBytes());
  }

  @Test
  void base64BodyLimitAppliesToTheDecodedBytes() {
    assertEquals(
        1,
        base64(encode(bodyOfUtf8Bytes(ApiRequest.MAX_BODY_BYTES, "€")))
            .jsonBody(JSON, "Accept")
            .size());
    assertProblem(
        413,
        "payload-too-large",
        () ->
            base64(encode(bodyOfUtf8Bytes(ApiRequest.MAX_BODY_BYTES + 1, "x")))
                .jsonBody(JSON, "Accept"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"e3!!!0=", "@@@@", "e", "e30=e30=", "{}", "e30\n", "e3-_"})
  void invalidBase64Is400(String encoded) {
    HttpError error =
        assertProblem(400, "malformed-body", () -> base64(encoded).jsonBody(JSON, "Accept"));
    assertEquals("The body is not valid base64.", error.detail());
  }

  @Test
  void base64OfInvalidUtf8Is400() {
    String encoded =
        Base64.getEncoder()
            .encodeToString(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
    assertProblem(400, "malformed-json", () -> base64(encoded).jsonBody(JSON, "Accept"));
  }

  @Test
  void bodyBytesOfATextBodyAreItsUtf8() {
    assertArrayEquals(
        "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8), json("{\"a\":\"é\"}").bodyBytes());
    assertNull(json(null).bodyBytes());
  }
}

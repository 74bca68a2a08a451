package dev.catalog.products;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code HEAD} on every GET route answers as the GET does, with no content (RFC 9110 section 9.3.2): the same status
 * and headers (ETag, Last-Modified, CORS, problem+json), 304 on a matching If-None-Match, and the errors of the GET.
 * In process, the function returns the GET's whole response, body included, as API Gateway is given it; over HTTP
 * the body is not sent and Content-Length is the length of the GET's body.
 */
class HeadRequestsTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  /** What differs from one request to the next, or is the framing of the answer, not its meaning. */
  static final Set<String> PER_REQUEST =
      Set.of("x-amzn-requestid", "x-amz-apigw-id", "x-amzn-trace-id", "date", "content-length");

  static String id;
  static String etag;
  static String category;

  @BeforeAll
  static void createProducts() {
    category = SampleProducts.uniqueCategory();
    ApiResult created = API.post("/products").json(SampleProducts.full(category).toString()).send();
    id = created.createdId();
    etag = created.header("ETag");
    API.post("/products").json(SampleProducts.minimal(category).toString()).send();
  }

  /** Each GET route, answered 200, 304 and with its errors. */
  static List<Function<String, ApiCall>> getsOfEveryRoute() {
    return List.of(
        method -> API.call(method, "/products/" + id),
        method -> API.call(method, "/products/" + id).header("If-None-Match", etag),
        method -> API.call(method, "/products/" + id).header("If-None-Match", "\"9.other\""),
        method -> API.call(method, "/products/" + id).header("If-Match", "\"9.other\""),
        method -> API.call(method, "/products/no-such-product"),
        method -> API.call(method, "/products/" + "x".repeat(300)),
        method -> API.call(method, "/products/" + id).header("Origin", "https://shop.example"),
        method -> API.call(method, "/products"),
        method -> API.call(method, "/products?category=" + category + "&limit=1"),
        method -> API.call(method, "/products?category=" + category).header("Origin", "https://a"),
        method -> API.call(method, "/products?limit=0"),
        method -> API.call(method, "/products?categroy=" + category));
  }

  @Test
  void headAnswersEveryGetRouteWithTheGetsStatusAndHeadersAndNoContent() {
    for (Function<String, ApiCall> call : getsOfEveryRoute()) {
      ApiCall getCall = call.apply("GET");
      ApiResult get = getCall.send();
      ApiResult head = call.apply("HEAD").send();
      String what = "HEAD " + getCall.pathAndQuery() + " " + getCall.headers() + ": " + head;

      assertEquals(get.status(), head.status(), what);
      assertEquals(meaningful(get), meaningful(head), what);
      int length = get.body().getBytes(UTF_8).length;
      if (ProductsApi.overHttp()) {
        assertEquals("", head.body(), what);
        if (length > 0) {
          assertEquals(Integer.toString(length), head.header("Content-Length"), what);
        }
      } else {
        // What API Gateway is given, and measures for Content-Length: the GET's body (a problem's
        // requestId differs, not its length).
        assertEquals(length, head.body().getBytes(UTF_8).length, what);
      }
    }
  }

  @Test
  void headOfAProductIsConditionalAsItsGet() {
    ApiResult fresh = API.call("HEAD", "/products/" + id).header("If-None-Match", etag).send();
    assertEquals(304, fresh.status());
    assertEquals(etag, fresh.header("ETag"));
    assertEquals("", fresh.body());

    ApiResult full = API.call("HEAD", "/products/" + id).send();
    assertEquals(200, full.status());
    assertEquals(etag, full.header("ETag"));
    assertNotNull(full.header("Last-Modified"));
    assertTrue(full.header("Content-Type").startsWith("application/json"), full.toString());
  }

  @Test
  void headOfAMissingProductIs404ProblemJsonAsItsGet() {
    ApiResult missing = API.call("HEAD", "/products/no-such-product").send();
    assertEquals(404, missing.status());
    assertEquals("application/problem+json", missing.header("Content-Type"));
  }

  /** The headers by lower-case name, without those of the request or its framing. */
  static Map<String, List<String>> meaningful(ApiResult result) {
    Map<String, List<String>> headers = new TreeMap<>();
    result
        .headers()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (!PER_REQUEST.contains(lower) && !lower.startsWith(":")) {
                headers.put(lower, values);
              }
            });
    return headers;
  }
}

package dev.catalog.products;

import static dev.catalog.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.catalog.local.events.http.ProxyEvents;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.StoredState;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies API Gateway passes base64-encoded (as it does once binary media types are configured) are judged exactly
 * as the same bytes sent as text: UTF-8 only, no byte order mark, the same size limit.
 */
class Base64BodyTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final String PRODUCT = SampleProducts.full("base64").toString();

  static String watchedId;

  @BeforeAll
  static void createWatchedProduct() {
    watchedId = API.post("/products").json(PRODUCT).send().createdId();
  }

  /** POST /products with the body as API Gateway passes binary content: base64 text, flagged as such. */
  static ApiResult postBase64(String base64) {
    APIGatewayProxyRequestEvent event =
        ProxyEvents.asAdmin(
                ProxyEvents.of(
                    "POST",
                    "/products",
                    "/products",
                    Map.of(),
                    List.of(Map.entry("Content-Type", "application/json")),
                    null))
            .withBody(base64)
            .withIsBase64Encoded(true);
    return ApiResult.of(new CreateProductHandler(API.context()).serve(event, null));
  }

  static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }

  @Test
  void aValidProductAsBase64IsCreated() {
    ApiResult created = postBase64(encode(bytes(PRODUCT, StandardCharsets.UTF_8)));

    assertEquals(201, created.status(), created::toString);
    assertEquals("base64", created.json().get("category").asText());
  }

  @Test
  void base64BodiesThatAreNotPlainUtf8JsonAre400AndChangeNothing() {
    Map<String, byte[]> bodies =
        Map.of(
            "UTF-8 with a byte order mark", bytes("\ufeff" + PRODUCT, StandardCharsets.UTF_8),
            "UTF-16 with a byte order mark", bytes(PRODUCT, StandardCharsets.UTF_16),
            "UTF-16LE", bytes(PRODUCT, StandardCharsets.UTF_16LE),
            "UTF-16BE", bytes(PRODUCT, StandardCharsets.UTF_16BE),
            "UTF-32", bytes(PRODUCT, Charset.forName("UTF-32")),
            "ISO-8859-1",
                bytes(
                    PRODUCT.replace("Stainless", "Edelstahl \u00e4"), StandardCharsets.ISO_8859_1),
            "invalid UTF-8", new byte[] {'{', '"', 'n', (byte) 0xC3, 0x28, '"', ':', '1', '}'});
    StoredState before = StoredState.of(API, watchedId);
    bodies.forEach((what, body) -> assertProblem(400, postBase64(encode(body)), what));
    assertProblem(400, postBase64("not base64!"), "not base64");
    assertEquals(before, StoredState.of(API, watchedId));
  }

  @Test
  void aBase64BodyOverTheLimitIs413() {
    StoredState before = StoredState.of(API, watchedId);
    assertProblem(413, postBase64(encode(new byte[64 * 1024 + 1])), "64 KiB + 1 byte");
    assertEquals(before, StoredState.of(API, watchedId));
  }
}

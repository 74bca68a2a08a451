package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /products/{id}: 200 with ETag, 304 on a matching If-None-Match, 404 when absent, 400 for invalid ids. */
class GetProductTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static String id;
  static String etag;

  @BeforeAll
  static void createProduct() {
    ApiResult created =
        API.post("/products").json(SampleProducts.full("kitchen").toString()).send();
    id = created.createdId();
    etag = created.header("ETag");
  }

  @Test
  void getReturns200WithTheProductAndItsETag() {
    ApiResult fetched = API.get("/products/" + id).send();

    assertEquals(200, fetched.status());
    assertEquals(etag, fetched.header("ETag"));
    assertEquals(1, fetched.json().get("version").asInt());
    assertEquals(id, fetched.json().get("id").asText());
  }

  @Test
  void getReturns304WithoutABodyWhenIfNoneMatchMatches() {
    for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"7\", " + etag, "*")) {
      ApiResult notModified =
          API.get("/products/" + id).header("If-None-Match", ifNoneMatch).send();
      assertEquals(304, notModified.status(), ifNoneMatch);
      assertEquals(etag, notModified.header("ETag"));
      assertEquals("", notModified.body());
    }
  }

  @Test
  void getReturns200WhenIfNoneMatchListsOtherTags() {
    String otherVersion = "\"2" + etag.substring(2);
    assertEquals(
        200,
        API.get("/products/" + id)
            .header("If-None-Match", otherVersion + ", \"1\"")
            .send()
            .status());
  }

  @Test
  void getReturns404ProblemWhenTheProductDoesNotExist() {
    ApiResult missing = API.get("/products/no-such-product").send();

    assertEquals(404, missing.status());
    assertEquals("application/problem+json", missing.header("Content-Type"));
    assertEquals(404, missing.json().get("status").asInt());
    assertTrue(missing.json().get("detail").asText().contains("no-such-product"));
  }

  @Test
  void getRefusesIdsThatCannotBeProductIds() {
    for (String id : List.of("a%20b", "..", "a%00b", "x".repeat(65), "%2F", "caf%C3%A9")) {
      ApiResult refused = API.get("/products/" + id).send();
      assertEquals(400, refused.status(), () -> id + ": " + refused);
      assertEquals("application/problem+json", refused.header("Content-Type"));
    }
  }

  @Test
  void getRefusesAMalformedIfNoneMatch() {
    assertEquals(400, API.get("/products/" + id).header("If-None-Match", "1").send().status());
  }
}

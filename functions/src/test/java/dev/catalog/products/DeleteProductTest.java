package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DELETE /products/{id}: 204, 404 when absent, and If-Match. */
class DeleteProductTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static String create() {
    return API.post("/products")
        .json(SampleProducts.minimal("office").toString())
        .send()
        .createdId();
  }

  @Test
  void deleteReturns204AndTheProductIsGone() {
    String id = create();
    ApiResult deleted = API.delete("/products/" + id).send();

    assertEquals(204, deleted.status());
    assertEquals("", deleted.body());
    assertEquals(404, API.get("/products/" + id).send().status());
  }

  @Test
  void deleteOfAMissingProductIs404() {
    String id = create();
    API.delete("/products/" + id).send();

    ApiResult again = API.delete("/products/" + id).send();
    assertEquals(404, again.status());
    assertEquals("application/problem+json", again.header("Content-Type"));
  }

  @Test
  void deleteWithAStaleIfMatchIs412AndKeepsTheProduct() {
    String id = create();
    String stale = API.get("/products/" + id).send().header("ETag");
    API.patch("/products/" + id).mergePatch("{\"stock\": 5}").send();

    assertEquals(412, API.delete("/products/" + id).header("If-Match", stale).send().status());
    assertEquals(200, API.get("/products/" + id).send().status());
  }

  @Test
  void deleteWithTheCurrentIfMatchDeletes() {
    String id = create();

    String etag = API.get("/products/" + id).send().header("ETag");
    assertEquals(204, API.delete("/products/" + id).header("If-Match", etag).send().status());
    assertEquals(404, API.get("/products/" + id).send().status());
  }

  @Test
  void deleteWithIfMatchOfAMissingProductIs404() {
    assertEquals(
        404, API.delete("/products/never-was").header("If-Match", "\"1\"").send().status());
  }
}

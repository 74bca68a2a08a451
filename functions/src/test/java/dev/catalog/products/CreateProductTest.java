package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /products: creation, defaults, server-managed fields, and Idempotency-Key semantics. */
class CreateProductTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  @Test
  void createReturns201WithLocationETagAndTheStoredProduct() {
    String category = SampleProducts.uniqueCategory();
    ApiResult created = API.post("/products").json(SampleProducts.full(category).toString()).send();

    assertEquals(201, created.status(), created::toString);
    assertEquals("application/json", created.header("Content-Type"));
    JsonNode body = created.json();
    String id = body.get("id").asText();
    assertEquals("/products/" + id, created.header("Location"));
    assertTrue(created.header("ETag").matches("\"1\\.[A-Za-z0-9_-]{22}\""), created.header("ETag"));
    assertEquals(1, body.get("version").asLong());
    assertEquals("24.99", body.get("price").decimalValue().toPlainString());
    assertEquals("EUR", body.get("currency").asText());
    assertEquals(
        List.of("outdoor", "bpa-free"),
        List.of(body.get("tags").get(0).asText(), body.get("tags").get(1).asText()));
    assertEquals(120, body.get("stock").asInt());
    assertEquals(body.get("createdAt"), body.get("updatedAt"));
    assertTrue(
        Instant.parse(body.get("createdAt").asText()).isAfter(Instant.now().minusSeconds(60)));

    ApiResult fetched = API.get("/products/" + id).send();
    assertEquals(200, fetched.status());
    assertEquals(body, fetched.json());
  }

  @Test
  void createAppliesDefaultsForCurrencyTagsAndStock() {
    JsonNode body =
        API.post("/products")
            .json(SampleProducts.minimal(SampleProducts.uniqueCategory()).toString())
            .send()
            .json();

    assertEquals("USD", body.get("currency").asText());
    assertEquals(0, body.get("tags").size());
    assertEquals(0, body.get("stock").asInt());
    assertNull(body.get("description"));
  }

  @Test
  void createTrimsNameCategoryAndTags() {
    ObjectNode product = SampleProducts.minimal("  garden ");
    product.put("name", "  Rake  ");
    product.putArray("tags").add(" steel ");
    JsonNode body = API.post("/products").json(product.toString()).send().json();

    assertEquals("Rake", body.get("name").asText());
    assertEquals("garden", body.get("category").asText());
    assertEquals("steel", body.get("tags").get(0).asText());
  }

  @Test
  void createIgnoresServerManagedFieldsSentByTheClient() {
    ObjectNode product = SampleProducts.minimal(SampleProducts.uniqueCategory());
    product.put("id", "chosen-by-client");
    product.put("version", 42);
    product.put("createdAt", "2000-01-01T00:00:00Z");
    product.put("updatedAt", "2000-01-01T00:00:00Z");
    ApiResult created = API.post("/products").json(product.toString()).send();

    assertEquals(201, created.status(), created::toString);
    JsonNode body = created.json();
    assertNotEquals("chosen-by-client", body.get("id").asText());
    assertEquals(1, body.get("version").asLong());
    assertNotEquals("2000-01-01T00:00:00Z", body.get("createdAt").asText());
  }

  @Test
  void createKeepsPricesExactToTheCent() {
    for (String price : List.of("19.99", "0.1", "0.01", "999999999.99", "1000000000", "0", "100")) {
      ObjectNode product = SampleProducts.minimal(SampleProducts.uniqueCategory());
      product.put("price", new java.math.BigDecimal(price));
      ApiResult created = API.post("/products").json(product.toString()).send();
      assertEquals(201, created.status(), created::toString);
      ApiResult fetched = API.get("/products/" + created.createdId()).send();
      String raw = fetched.body();
      assertTrue(
          raw.contains(
              "\"price\":" + new java.math.BigDecimal(price).stripTrailingZeros().toPlainString()),
          () -> price + " came back as " + raw);
    }
  }

  @Test
  void createWithTheSameIdempotencyKeyAndBodyReturnsTheFirstResultAndCreatesNothing() {
    String key = UUID.randomUUID().toString();
    String category = SampleProducts.uniqueCategory();
    String body = SampleProducts.full(category).toString();

    ApiResult first = API.post("/products").header("Idempotency-Key", key).json(body).send();
    ApiResult retry = API.post("/products").header("Idempotency-Key", key).json(body).send();

    assertEquals(201, first.status(), first::toString);
    assertEquals(201, retry.status(), retry::toString);
    assertEquals(first.body(), retry.body());
    assertEquals(first.header("Location"), retry.header("Location"));
    assertEquals(first.header("ETag"), retry.header("ETag"));
    assertEquals("true", retry.header("Idempotent-Replayed"));
    assertEquals(1, API.get("/products?category=" + category).send().json().get("items").size());
  }

  @Test
  void createWithAReusedIdempotencyKeyAndAnotherBodyIs422AndCreatesNothing() {
    String key = UUID.randomUUID().toString();
    String category = SampleProducts.uniqueCategory();
    API.post("/products")
        .header("Idempotency-Key", key)
        .json(SampleProducts.full(category).toString())
        .send();

    ApiResult reused =
        API.post("/products")
            .header("Idempotency-Key", key)
            .json(SampleProducts.minimal(category).toString())
            .send();

    assertEquals(422, reused.status(), reused::toString);
    assertEquals("application/problem+json", reused.header("Content-Type"));
    assertEquals(1, API.get("/products?category=" + category).send().json().get("items").size());
  }

  @Test
  void concurrentRequestsWithOneIdempotencyKeyCreateOneProduct() throws Exception {
    String key = UUID.randomUUID().toString();
    String category = SampleProducts.uniqueCategory();
    String body = SampleProducts.full(category).toString();
    List<Callable<ApiResult>> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      requests.add(() -> API.post("/products").header("Idempotency-Key", key).json(body).send());
    }
    Set<String> locations = new HashSet<>();
    try (var executor = Executors.newFixedThreadPool(8)) {
      for (Future<ApiResult> result : executor.invokeAll(requests)) {
        assertEquals(201, result.get().status(), () -> String.valueOf(result));
        locations.add(result.get().header("Location"));
      }
    }
    assertEquals(1, locations.size(), locations::toString);
    assertEquals(1, API.get("/products?category=" + category).send().json().get("items").size());
  }

  @Test
  void createRefusesMalformedIdempotencyKeys() {
    for (String key : List.of("", "x".repeat(256), "has space", "caf\u00e9")) {
      ApiResult refused =
          API.post("/products")
              .header("Idempotency-Key", key)
              .json(SampleProducts.minimal("c").toString())
              .send();
      assertEquals(400, refused.status(), () -> key + ": " + refused);
    }
  }
}

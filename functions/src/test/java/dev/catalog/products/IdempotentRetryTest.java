package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.idempotency.IdempotencyRecord;
import dev.catalog.idempotency.IdempotencyStore;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A retry with the same Idempotency-Key replays when its body is the same JSON value: member order, white space and
 * the spelling of numbers do not matter; any other difference is a 422.
 */
class IdempotentRetryTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final String FIRST =
      "{\"name\": \"Lamp\", \"price\": 1, \"category\": \"%s\", \"tags\": [\"a\", \"b\"],"
          + " \"stock\": 10}";

  static ApiResult post(String key, String body) {
    return API.post("/products").header("Idempotency-Key", key).json(body).send();
  }

  @Test
  void aRetryOfTheSameJsonValueSpelledDifferentlyReplaysTheFirstResponse() {
    String category = SampleProducts.uniqueCategory();
    for (String retryForm :
        List.of(
            "{\"stock\":10,\"tags\":[\"a\",\"b\"],\"category\":\"%s\",\"price\":1,\"name\":\"Lamp\"}",
            "{ \"name\" : \"Lamp\" ,\n\t\"price\" : 1.0 , \"category\" : \"%s\", \"tags\" : [ \"a\" , \"b\" ], \"stock\":10}",
            "{\"name\": \"\\u004camp\", \"price\": 100e-2, \"category\": \"%s\", \"tags\": [\"a\", \"b\"], \"stock\": 10}")) {
      String key = UUID.randomUUID().toString();
      ApiResult first = post(key, FIRST.formatted(category));
      ApiResult retry = post(key, retryForm.formatted(category));

      assertEquals(201, retry.status(), retryForm + ": " + retry);
      assertEquals("true", retry.header("Idempotent-Replayed"));
      assertEquals(first.body(), retry.body());
      assertEquals(first.header("ETag"), retry.header("ETag"));
    }
    assertEquals(3, API.get("/products?category=" + category).send().json().get("items").size());
  }

  @Test
  void aRetryWithAnyValueChangedIs422() {
    String category = SampleProducts.uniqueCategory();
    String key = UUID.randomUUID().toString();
    post(key, FIRST.formatted(category));
    for (String changed :
        List.of(
            "{\"name\": \"Lamp\", \"price\": 1.01, \"category\": \"%s\", \"tags\": [\"a\", \"b\"], \"stock\": 10}",
            "{\"name\": \"Lamp\", \"price\": 1, \"category\": \"%s\", \"tags\": [\"b\", \"a\"], \"stock\": 10}",
            "{\"name\": \"Lamp \", \"price\": 1, \"category\": \"%s\", \"tags\": [\"a\", \"b\"], \"stock\": 10}",
            "{\"name\": \"Lamp\", \"price\": 1, \"category\": \"%s\", \"tags\": [\"a\", \"b\"]}",
            "{\"name\": \"Lamp\", \"price\": 1, \"category\": \"%s\", \"tags\": [\"a\", \"b\"], \"stock\": 10,"
                + " \"description\": null}")) {
      ApiResult reused = post(key, changed.formatted(category));
      assertEquals(422, reused.status(), changed + ": " + reused);
    }
    assertEquals(1, API.get("/products?category=" + category).send().json().get("items").size());
  }

  @Test
  void aRecordWrittenWithTheOldByteHashStillReplaysTheSameBytesAndRefusesOthers() throws Exception {
    String category = SampleProducts.uniqueCategory();
    String key = UUID.randomUUID().toString();
    String body = FIRST.formatted(category);
    ApiResult first = post(key, body);
    IdempotencyStore store = API.context().idempotency();
    String editor = API.issuer().person("editor", List.of("catalog-editors")).subject();
    IdempotencyRecord record = store.find(IdempotentCreate.recordKey(editor, key)).orElseThrow();
    assertTrue(record.getRequestHash().startsWith("json-sha256:"), record.getRequestHash());
    record.setRequestHash(
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8))));
    record.setLastModified(null);
    store.table().putItem(record);

    ApiResult replayed = post(key, body);
    assertEquals(201, replayed.status(), replayed::toString);
    assertEquals(first.body(), replayed.body());
    assertEquals(
        422, post(key, body.replace(", ", ",")).status(), "an old record knows only the bytes");
  }

  @Test
  void aServerManagedMemberWithAnExtremeNumberIsFingerprintedWithoutError() {
    String body =
        FIRST
            .formatted(SampleProducts.uniqueCategory())
            .replace("{", "{\"version\": 100e2147483647, ");
    String key = UUID.randomUUID().toString();

    assertEquals(201, post(key, body).status());
    assertEquals("true", post(key, body).header("Idempotent-Replayed"));
  }
}

package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.catalog.idempotency.IdempotencyRecord;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.Role;
import dev.catalog.testing.SampleProducts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An Idempotency-Key belongs to the caller that sent it (OWASP API1): another caller with the same key is told
 * nothing of the first caller's request and creates its own product, and a record that names no caller (written
 * before keys were scoped by caller) is replayed to no one.
 */
class IdempotencyKeyOwnerTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final String BODY =
      "{\"name\": \"Lamp\", \"price\": 1, \"category\": \"%s\", \"stock\": 10}";

  static ApiResult post(Role role, String key, String body) {
    return API.post("/products").as(role).header("Idempotency-Key", key).json(body).send();
  }

  static String subject(Role role) {
    return switch (role) {
      case EDITOR -> API.issuer().person("editor", List.of("catalog-editors")).subject();
      case ADMIN -> API.issuer().person("admin", List.of("catalog-admins")).subject();
      default -> API.issuer().service("products/write").subject();
    };
  }

  static int productsIn(String category) {
    return API.get("/products?category=" + category).send().json().get("items").size();
  }

  @Test
  void anotherCallerWithTheSameKeyAndBodyCreatesItsOwnProductAndIsNoReplay() {
    for (Role other : List.of(Role.ADMIN, Role.WRITE_SERVICE)) {
      String category = SampleProducts.uniqueCategory();
      String key = UUID.randomUUID().toString();
      String body = BODY.formatted(category);
      ApiResult first = post(Role.EDITOR, key, body);
      assertEquals(201, first.status(), first::toString);

      ApiResult theirs = post(other, key, body);

      assertEquals(201, theirs.status(), theirs::toString);
      assertNull(theirs.header("Idempotent-Replayed"), other + " is told of no earlier request");
      assertNotEquals(first.createdId(), theirs.createdId(), other + " gets a product of its own");
      assertNotEquals(first.header("Location"), theirs.header("Location"));
      assertNotEquals(first.header("ETag"), theirs.header("ETag"));
      assertFalse(theirs.body().contains(first.createdId()), "nothing of the first product");
      assertEquals(subject(other), theirs.json().get("createdBy").asText());
      assertEquals(2, productsIn(category));

      // Each caller's retry replays its own first response.
      ApiResult theirRetry = post(other, key, body);
      assertEquals("true", theirRetry.header("Idempotent-Replayed"));
      assertEquals(theirs.body(), theirRetry.body());
      ApiResult firstRetry = post(Role.EDITOR, key, body);
      assertEquals("true", firstRetry.header("Idempotent-Replayed"));
      assertEquals(first.body(), firstRetry.body());
      assertEquals(2, productsIn(category));
    }
  }

  @Test
  void anotherCallerWithTheSameKeyAndAnotherBodyIsNot422ButItsOwnCreate() {
    String category = SampleProducts.uniqueCategory();
    String key = UUID.randomUUID().toString();
    String body = BODY.formatted(category);
    String other = body.replace("Lamp", "Chair");
    assertEquals(201, post(Role.EDITOR, key, body).status());

    ApiResult theirs = post(Role.ADMIN, key, other);

    assertEquals(201, theirs.status(), theirs::toString);
    assertNull(theirs.header("Idempotent-Replayed"));
    assertEquals("Chair", theirs.json().get("name").asText());
    // The key is still the first caller's own: another body from it is refused, as before.
    assertEquals(422, post(Role.EDITOR, key, other).status());
    assertEquals(422, post(Role.ADMIN, key, body).status());
    assertEquals(2, productsIn(category));
  }

  @Test
  void aRecordThatNamesNoCallerIsReplayedToNoOneNotEvenItsCreator() {
    String category = SampleProducts.uniqueCategory();
    String key = UUID.randomUUID().toString();
    String body = BODY.formatted(category);
    ApiResult first = post(Role.EDITOR, key, body);
    // The record as the code before scoping wrote it: under "POST /products <key>", no caller.
    IdempotencyRecord scoped =
        API.context()
            .idempotency()
            .find(IdempotentCreate.recordKey(subject(Role.EDITOR), key))
            .orElseThrow();
    assertEquals(subject(Role.EDITOR), scoped.getCaller());
    String legacyKey = UUID.randomUUID().toString();
    scoped.setIdempotencyKey("POST /products " + legacyKey);
    scoped.setCaller(null);
    API.context().idempotency().table().putItem(scoped);

    for (Role role : List.of(Role.ADMIN, Role.WRITE_SERVICE, Role.EDITOR)) {
      ApiResult answer = post(role, legacyKey, body);
      assertEquals(201, answer.status(), answer::toString);
      assertNull(answer.header("Idempotent-Replayed"), role + " gets no replay of an old record");
      assertNotEquals(first.createdId(), answer.createdId());
    }
    assertEquals(4, productsIn(category));
  }
}

package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.DynamoDbLocal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The products table through {@link ProductStore}: versions, conditions, storage form, and the async API. */
class ProductStoreTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  static ProductStore store;

  @BeforeAll
  static void createStore() {
    store = new ProductStore(DYNAMO.client(), DYNAMO.tableName("ProductsTable"));
  }

  static Product product(String category) {
    Product product = new Product();
    product.setId(UUID.randomUUID().toString());
    product.setName("Lamp");
    product.setPrice(new BigDecimal("19.90"));
    product.setCategory(category);
    product.setCreatedAt(Instant.parse("2026-11-24T10:15:30.123Z"));
    product.setUpdatedAt(product.getCreatedAt());
    return product.applyDefaults();
  }

  /** A PATCH of {@code stock} on product {@code id}, with a token of its own. */
  static ProductStore.ProductWrite patchOfStock(String id, int stock) {
    Product values = new Product();
    values.setStock(stock);
    return new ProductStore.ProductWrite(
        id,
        ProductStore.WriteMode.UPDATE,
        values,
        Set.of("stock"),
        Instant.now(),
        "tester",
        null,
        ProductStore.newWriteToken(),
        null);
  }

  @Test
  void aWriteSentAgainAfterSevenLaterWritesIsRecognisedByItsTokenAndNotAppliedAgain() {
    Product product = product("lights");
    store.save(product);
    ProductStore.ProductWrite first = patchOfStock(product.getId(), 1);
    assertTrue(store.write(first) instanceof ProductStore.Written);
    for (int i = 0; i < ProductStore.RECENT_WRITES - 1; i++) {
      assertTrue(
          store.write(patchOfStock(product.getId(), 100 + i)) instanceof ProductStore.Written);
    }

    var again = store.write(first);

    var applied = assertInstanceOf(ProductStore.AlreadyApplied.class, again);
    assertEquals(ProductStore.RECENT_WRITES - 1, applied.later(), "the later writes");
    assertEquals(
        ProductJson.write(store.find(product.getId()).orElseThrow().applyDefaults()),
        ProductJson.write(applied.found()),
        "the product as it is now");
    assertEquals(
        2L + ProductStore.RECENT_WRITES - 1,
        store.find(product.getId()).orElseThrow().getVersion(),
        "one version per write");
  }

  @Test
  void aWriteSentAgainAfterEightLaterWritesIsNoLongerRecognisedAsTheContractSays() {
    Product product = product("lights");
    store.save(product);
    ProductStore.ProductWrite first = patchOfStock(product.getId(), 1);
    store.write(first);
    for (int i = 0; i < ProductStore.RECENT_WRITES; i++) {
      store.write(patchOfStock(product.getId(), 100 + i));
    }

    assertTrue(store.write(first) instanceof ProductStore.Written, "applied again");
  }

  @Test
  void recentWriteTokensStayOutOfTheProductAndItsJson() {
    Product product = product("lights");
    store.save(product);
    store.write(patchOfStock(product.getId(), 3));

    var item =
        DYNAMO
            .client()
            .getItem(
                r ->
                    r.tableName(DYNAMO.tableName("ProductsTable"))
                        .key(Map.of("id", AttributeValue.fromS(product.getId()))))
            .item();
    for (int i = 0; i < ProductStore.RECENT_WRITES; i++) {
      assertTrue(item.containsKey(ProductStore.recentWrite(i)), "slot " + i + " is filled");
    }
    String json = ProductJson.write(store.find(product.getId()).orElseThrow().applyDefaults());
    assertFalse(json.contains(item.get("w0").s()), json);
  }

  @Test
  void saveStartsAtVersionOneAndTheStoredVersionMatchesTheObjects() {
    Product product = product("lights");
    assertTrue(store.save(product));
    assertEquals(1L, product.getVersion());
    assertEquals(1L, store.find(product.getId()).orElseThrow().getVersion());

    assertTrue(store.save(product));
    assertEquals(2L, product.getVersion());
    assertEquals(2L, store.find(product.getId()).orElseThrow().getVersion());
  }

  @Test
  void saveWithAStaleVersionFailsAndLeavesTheStoredProduct() {
    Product product = product("lights");
    store.save(product);
    Product stale = store.find(product.getId()).orElseThrow();
    store.save(product);

    stale.setName("Overwritten");
    assertFalse(store.save(stale));
    assertEquals("Lamp", store.find(product.getId()).orElseThrow().getName());
  }

  @Test
  void saveOfANewProductFailsWhenTheIdIsTaken() {
    Product product = product("lights");
    store.save(product);
    Product sameId = product("lights");
    sameId.setId(product.getId());

    assertFalse(store.save(sameId));
  }

  @Test
  void storedItemHoldsExactlyTheModelsAttributesWithAnExactPriceAndIsoTimestamps() {
    Product product = product("lights");
    product.setDescription(null);
    store.save(product);

    Map<String, AttributeValue> item =
        DYNAMO
            .client()
            .getItem(
                request ->
                    request
                        .tableName(DYNAMO.tableName("ProductsTable"))
                        .key(Map.of("id", AttributeValue.fromS(product.getId()))))
            .item();
    assertEquals(
        Set.of(
            "id",
            "name",
            "price",
            "currency",
            "category",
            "tags",
            "stock",
            "createdAt",
            "updatedAt",
            "version",
            "incarnation"),
        item.keySet(),
        "absent optional fields are not written as nulls");
    assertEquals(
        "19.9", item.get("price").n(), "a DynamoDB number, exact (DynamoDB drops trailing zeros)");
    assertEquals("2026-11-24T10:15:30.123Z", item.get("createdAt").s());
    assertEquals(
        new BigDecimal("19.9"),
        store.find(product.getId()).orElseThrow().getPrice().stripTrailingZeros());
  }

  @Test
  void deleteIsConditionalOnExistenceAndOnTheVersionAndIncarnationRead() {
    Product product = product("lights");
    store.save(product);
    Product staleVersion = store.find(product.getId()).orElseThrow();
    staleVersion.setVersion(7L);
    Product otherIncarnation = store.find(product.getId()).orElseThrow();
    otherIncarnation.setIncarnation(ProductStore.newIncarnation());

    assertFalse(store.delete(product.getId(), staleVersion));
    assertFalse(store.delete(product.getId(), otherIncarnation));
    assertTrue(store.find(product.getId()).isPresent());
    assertTrue(store.delete(product.getId(), store.find(product.getId()).orElseThrow()));
    assertFalse(store.delete(product.getId(), null));
  }

  @Test
  void aNewProductGetsAFreshIncarnationThatEveryUpdateKeeps() {
    Product product = product("lights");
    store.save(product);
    String incarnation = product.getIncarnation();
    Product read = store.find(product.getId()).orElseThrow();
    read.setStock(9);
    assertTrue(store.save(read));

    assertEquals(22, incarnation.length());
    assertEquals(incarnation, store.find(product.getId()).orElseThrow().getIncarnation());
    Product another = product("lights");
    store.save(another);
    assertNotEquals(incarnation, another.getIncarnation());
  }

  @Test
  void aWriteBasedOnAProductReadBeforeADeleteAndRecreateFailsAndLeavesTheNewProduct() {
    Product original = product("lights");
    store.save(original);
    Product readBeforeDelete = store.find(original.getId()).orElseThrow();
    assertTrue(store.delete(original.getId(), null));
    Product recreated = product("lights");
    recreated.setId(original.getId());
    store.save(recreated);
    assertEquals(
        readBeforeDelete.getVersion(), recreated.getVersion(), "versions start again at 1");

    readBeforeDelete.setStock(5);
    assertFalse(store.save(readBeforeDelete));
    assertFalse(store.delete(original.getId(), readBeforeDelete));
    Product stored = store.find(original.getId()).orElseThrow();
    assertEquals(recreated.getIncarnation(), stored.getIncarnation());
    assertEquals(0, stored.getStock());
  }

  @Test
  void aProductStoredWithoutAnIncarnationCanStillBeUpdatedAndDeleted() {
    Product legacy = product("lights");
    legacy.setVersion(3L);
    DYNAMO
        .client()
        .putItem(
            put ->
                put.tableName(DYNAMO.tableName("ProductsTable"))
                    .item(ProductTableSchema.SCHEMA.itemToMap(legacy, true)));
    Product read = store.find(legacy.getId()).orElseThrow();
    assertNull(read.getIncarnation());

    read.setStock(4);
    assertTrue(store.save(read));
    Product updated = store.find(legacy.getId()).orElseThrow();
    assertEquals(4L, updated.getVersion());
    assertNull(updated.getIncarnation());
    assertTrue(store.delete(legacy.getId(), updated));
  }

  @Test
  void listPagesByCategoryWithoutEmptyLastPages() {
    String category = "cat-" + UUID.randomUUID();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      Product product = product(category);
      store.save(product);
      ids.add(product.getId());
    }
    ProductPage first = store.list(category, 3, null);
    ProductPage second = store.list(category, 3, first.nextKey());

    assertEquals(3, first.items().size());
    assertEquals(2, second.items().size());
    assertNull(second.nextKey());
    Set<String> seen = new HashSet<>();
    List.of(first, second).forEach(page -> page.items().forEach(item -> seen.add(item.getId())));
    assertEquals(ids, seen);
    assertNull(
        store.list(category, 5, null).nextKey(), "an exactly full last page has no next key");
  }

  @Test
  void theAsyncApiCompletesWithTheSameResultsAsTheBlockingOne() throws Exception {
    Product product = product("async");
    assertTrue(store.saveAsync(product).get());
    assertEquals(product.getId(), store.findAsync(product.getId()).get().orElseThrow().getId());
    assertEquals(
        1,
        store.listAsync("async", 100, null).get().items().stream()
            .filter(item -> item.getId().equals(product.getId()))
            .count());
    assertTrue(store.deleteAsync(product.getId(), null).get());
    assertTrue(store.findAsync(product.getId()).get().isEmpty());
  }
}

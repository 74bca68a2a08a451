package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.catalog.testing.DynamoDbLocal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Full pages beyond DynamoDB's 1 MB per response, which DynamoDB Local enforces as DynamoDB does: 110 products of
 * about 12 KB each (the longest description, 4000 three-byte characters) fill a page of 100 only from two responses.
 * The table is this class's own, so the Scan sees exactly these products.
 */
class ProductStorePagesTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  static final int PRODUCTS = 110;
  static final String CATEGORY = "heavy";

  static ProductStore store;
  static final Set<String> ids = new HashSet<>();

  @BeforeAll
  static void storeLargeProducts() {
    store = new ProductStore(DYNAMO.client(), DYNAMO.tableName("ProductsTable"));
    String description = "\u20ac".repeat(4000);
    for (int i = 0; i < PRODUCTS; i++) {
      Product product = ProductStoreTest.product(CATEGORY);
      product.setDescription(description);
      store.save(product);
      ids.add(product.getId());
    }
  }

  @Test
  void aQueryPageIsFullAlthoughItsItemsExceedOneDynamoDbResponse() {
    assertPagesFullButTheLast(CATEGORY);
  }

  @Test
  void aScanPageIsFullAlthoughItsItemsExceedOneDynamoDbResponse() {
    assertPagesFullButTheLast(null);
  }

  /** Walks the listing 100 at a time: 100 then 10, every product once, and no key after the last page. */
  private static void assertPagesFullButTheLast(String category) {
    ProductPage first = store.list(category, 100, null);
    assertEquals(100, first.items().size(), "the first page is full");
    assertNotNull(first.nextKey());
    ProductPage second = store.list(category, 100, first.nextKey());
    assertEquals(PRODUCTS - 100, second.items().size());
    assertNull(second.nextKey(), "the last page has no next key");
    List<String> seen = new ArrayList<>();
    for (ProductPage page : List.of(first, second)) {
      page.items().forEach(product -> seen.add(product.getId()));
    }
    assertEquals(PRODUCTS, seen.size(), "no product twice");
    assertEquals(ids, new HashSet<>(seen));
  }

  @Test
  void aPageThatEndsExactlyAtTheDataHasNoNextKey() {
    ProductPage all = store.list(CATEGORY, 100, null);
    Map<String, AttributeValue> afterHundred = all.nextKey();
    ProductPage rest = store.list(CATEGORY, PRODUCTS - 100, afterHundred);
    assertEquals(PRODUCTS - 100, rest.items().size());
    assertNull(rest.nextKey());
  }
}

package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The SnapStart priming hook runs the request path against DynamoDB and leaves no trace. */
class SnapStartPrimingTest {
  @RegisterExtension
  static final ProductsApi API = new ProductsApi();

  static Map<String, Integer> itemCounts() {
    return Map.of("ProductsTable", count("ProductsTable"), "IdempotencyTable", count("IdempotencyTable"));
  }

  static int count(String table) {
    return API.dynamo().client().scan(request -> request.tableName(API.dynamo().tableName(table))
        .select(Select.COUNT).consistentRead(true)).count();
  }

  @Test
  void everyPrimingCallWritesNothingAndChangesNoProduct() throws Exception {
    String id = API.post("/products").header("Idempotency-Key", "priming-test")
        .json(SampleProducts.full("kitchen").toString()).send().createdId();
    String before = API.get("/products/" + id).send().body();
    Map<String, Integer> counts = itemCounts();

    SnapStartPriming priming = new SnapStartPriming(API.context(), context -> {
      SnapStartPriming.readProduct(context);
      SnapStartPriming.readIdempotencyRecord(context);
      SnapStartPriming.queryCategory(context);
      SnapStartPriming.deleteAbsentProduct(context);
    });
    priming.beforeCheckpoint(null);
    priming.afterRestore(null);

    assertEquals(counts, itemCounts());
    assertEquals(before, API.get("/products/" + id).send().body());
    assertTrue(API.context().products().find(SnapStartPriming.ABSENT_KEY).isEmpty());
  }

  @Test
  void theKeyItReadsCanNeverBeAProductId() {
    assertTrue(!SnapStartPriming.ABSENT_KEY.matches(Product.ID_PATTERN));
    assertEquals(400, API.get("/products/" + SnapStartPriming.ABSENT_KEY).send().status());
  }
}

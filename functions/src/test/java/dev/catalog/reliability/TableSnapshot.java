package dev.catalog.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Both tables as the administrator reads them (consistent scans, outside the fault proxy): the products of one
 * category and every idempotency record, item by item, so that "nothing changed", "written once" and "nothing
 * duplicated" are checked on what is stored, not on what the API says.
 */
record TableSnapshot(
    Map<String, Map<String, AttributeValue>> products,
    Map<String, Map<String, AttributeValue>> idempotencyRecords) {

  static TableSnapshot of(ProductsApi api, String category) {
    DynamoDbClient client = api.dynamo().client();
    Map<String, Map<String, AttributeValue>> products = new HashMap<>();
    client
        .scanPaginator(
            ScanRequest.builder()
                .tableName(api.dynamo().tableName("ProductsTable"))
                .consistentRead(true)
                .filterExpression("category = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(category)))
                .build())
        .items()
        .forEach(item -> products.put(item.get("id").s(), item));
    Map<String, Map<String, AttributeValue>> records = new HashMap<>();
    client
        .scanPaginator(
            ScanRequest.builder()
                .tableName(api.dynamo().tableName("IdempotencyTable"))
                .consistentRead(true)
                .build())
        .items()
        .forEach(item -> records.put(item.get("idempotencyKey").s(), item));
    return new TableSnapshot(products, records);
  }

  /**
   * This snapshot is {@code before} plus exactly the one write {@code route} answered with {@code answer}: one new
   * product for a create (with its idempotency record, naming it, for a keyed POST), the next version for a replace
   * or patch, the product gone for a delete, and nothing else changed.
   */
  void assertOneWriteAfter(TableSnapshot before, WriteRoute route, String id, ApiResult answer) {
    Map<String, Map<String, AttributeValue>> expectedOthers = new HashMap<>(before.products);
    String written =
        route == WriteRoute.POST || route == WriteRoute.POST_WITH_IDEMPOTENCY_KEY
            ? answer.createdId()
            : id;
    expectedOthers.remove(written);
    Map<String, Map<String, AttributeValue>> others = new HashMap<>(products);
    others.remove(written);
    assertEquals(expectedOthers, others, "no other product changed, none duplicated");
    Map<String, AttributeValue> item = products.get(written);
    switch (route) {
      case DELETE, DELETE_IF_MATCH -> assertFalse(products.containsKey(written), "deleted");
      default -> {
        assertTrue(item != null, "written: " + answer);
        long version =
            route.needsProduct
                ? Long.parseLong(before.products.get(written).get("version").n()) + 1
                : 1;
        assertEquals(Long.toString(version), item.get("version").n(), "written once");
        assertEquals("7", item.get("stock").n());
        assertTrue(answer.header("ETag").startsWith("\"" + version + "."), answer::toString);
        assertEquals(
            "\"" + version + "." + item.get("incarnation").s() + "\"",
            answer.header("ETag"),
            "the answer is the stored product");
      }
    }
    assertNull(answer.header("Idempotent-Replayed"), "the first answer is no replay");
    Map<String, Map<String, AttributeValue>> newRecords = new HashMap<>(idempotencyRecords);
    newRecords.keySet().removeAll(before.idempotencyRecords.keySet());
    if (route == WriteRoute.POST_WITH_IDEMPOTENCY_KEY) {
      assertEquals(1, newRecords.size(), "one idempotency record");
      Map<String, AttributeValue> record = newRecords.values().iterator().next();
      assertEquals(
          answer.header("ETag"), record.get("etag").s(), "the record holds the product's answer");
      assertTrue(record.get("location").s().endsWith("/products/" + written), record::toString);
    } else {
      assertEquals(before.idempotencyRecords, idempotencyRecords, "no idempotency record");
    }
  }
}

package dev.catalog.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.template.TemplateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Runs against the real template.yaml: its tables, keys, index and TTL exist in DynamoDB Local. */
class DynamoDbLocalTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  private static KeySchemaElement key(String attribute, KeyType type) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
  }

  private static TableDescription describe(String logicalId) {
    return DYNAMO.client().describeTable(r -> r.tableName(DYNAMO.tableName(logicalId))).table();
  }

  @Test
  void productsTableHasTheTemplatesKeyAndCategoryIndex() {
    TableDescription products = describe("ProductsTable");
    assertEquals(List.of(key("id", KeyType.HASH)), products.keySchema());
    assertEquals(BillingMode.PAY_PER_REQUEST, products.billingModeSummary().billingMode());
    var index = products.globalSecondaryIndexes().getFirst();
    assertEquals("byCategory", index.indexName());
    assertEquals(
        List.of(key("category", KeyType.HASH), key("id", KeyType.RANGE)), index.keySchema());
    assertEquals(ProjectionType.ALL, index.projection().projectionType());
  }

  @Test
  void idempotencyTableHasItsKeyAndTtlOnExpiresAt() {
    assertEquals(
        List.of(key("idempotencyKey", KeyType.HASH)), describe("IdempotencyTable").keySchema());
    var ttl =
        DYNAMO
            .client()
            .describeTimeToLive(r -> r.tableName(DYNAMO.tableName("IdempotencyTable")))
            .timeToLiveDescription();
    assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    assertEquals("expiresAt", ttl.attributeName());
  }

  @Test
  void tablesGetUniqueNamesDerivedFromTheirLogicalIds() {
    Map<String, String> names = DYNAMO.tableNames();
    assertEquals(
        List.of("ProductsTable", "IdempotencyTable", "ConnectionsTable"),
        List.copyOf(names.keySet()));
    assertTrue(names.get("ProductsTable").matches("products-[0-9a-f]{8}"), names.toString());
    assertTrue(names.get("IdempotencyTable").matches("idempotency-[0-9a-f]{8}"), names.toString());
    assertTrue(names.get("ConnectionsTable").matches("connections-[0-9a-f]{8}"), names.toString());
  }

  @Test
  void environmentPointsCodeUnderTestAtThisClassesTables() {
    Map<String, String> environment = DYNAMO.environment();
    assertEquals(DYNAMO.tableName("ProductsTable"), environment.get("PRODUCTS_TABLE"));
    assertEquals(DYNAMO.tableName("IdempotencyTable"), environment.get("IDEMPOTENCY_TABLE"));
    assertEquals(DYNAMO.endpoint().toString(), environment.get("DYNAMODB_ENDPOINT"));
    assertEquals("us-east-1", environment.get("AWS_REGION"));
    assertEquals("*", environment.get("ALLOWED_ORIGINS"));
    assertFalse(environment.get("AWS_ACCESS_KEY_ID").isBlank());
    assertFalse(environment.get("AWS_SECRET_ACCESS_KEY").isBlank());
  }

  @Test
  void
      theCursorSigningSecretIsResolvedToARandomLocalKeyForTheListFunctionAloneAsTheTemplateDeclaresIt() {
    String cursorKey = DYNAMO.environment("ListProductsFunction").get("CURSOR_SIGNING_KEY");
    assertTrue(cursorKey.length() >= 40 && !cursorKey.contains("{{"), cursorKey);
    for (String function : DYNAMO.template().functions().keySet()) {
      if (!function.equals("ListProductsFunction")) {
        assertFalse(DYNAMO.environment(function).containsKey("CURSOR_SIGNING_KEY"), function);
      }
    }
    assertFalse(DYNAMO.environment().containsKey("CURSOR_SIGNING_KEY"), "not in Globals");
  }

  @Test
  void everyFunctionSeesTheGlobalEnvironmentAndItsOwnIdentity() {
    for (String function : DYNAMO.template().functions().keySet()) {
      Map<String, String> own = new java.util.HashMap<>(DYNAMO.environment(function));
      assertEquals(
          function, own.remove("AWS_ACCESS_KEY_ID"), "the access key id names the function");
      String endpoint = own.remove("DYNAMODB_ENDPOINT");
      assertTrue(
          endpoint.startsWith("http://127.0.0.1:")
              && !endpoint.equals(DYNAMO.endpoint().toString()),
          "calls go through the endpoint enforcing IAM: " + endpoint);
      Map<String, String> global = new java.util.HashMap<>(DYNAMO.environment());
      global.remove("AWS_ACCESS_KEY_ID");
      global.remove("DYNAMODB_ENDPOINT");
      // A variable the function declares itself wins over the global one, as in SAM.
      Object declared = DYNAMO.template().resources().get(function).properties().get("Environment");
      java.util.Set<?> overridden =
          declared instanceof Map<?, ?> environment
                  && environment.get("Variables") instanceof Map<?, ?> variables
              ? variables.keySet()
              : java.util.Set.of();
      global.keySet().removeAll(overridden);
      global.forEach((name, value) -> assertEquals(value, own.get(name), function + " " + name));
    }
  }

  @Test
  void endpointIsOnTheLoopbackAddress() {
    assertEquals("127.0.0.1", DYNAMO.endpoint().getHost());
  }

  @Test
  void clientWritesItemsTheCategoryIndexFinds() {
    String table = DYNAMO.tableName("ProductsTable");
    DYNAMO
        .client()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "id",
                            AttributeValue.fromS("p-1"),
                            "category",
                            AttributeValue.fromS("tools"))));
    var found =
        DYNAMO
            .client()
            .query(
                r ->
                    r.tableName(table)
                        .indexName("byCategory")
                        .keyConditionExpression("category = :c")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("tools"))));
    assertEquals(List.of("p-1"), found.items().stream().map(item -> item.get("id").s()).toList());
  }

  @Test
  void askingForATableTheTemplateLacksNamesTheTablesThereAre() {
    var error = assertThrows(TemplateException.class, () -> DYNAMO.tableName("OrdersTable"));
    assertTrue(
        error.getMessage().contains("tables: [ProductsTable, IdempotencyTable, ConnectionsTable]"),
        error.getMessage());
  }
}

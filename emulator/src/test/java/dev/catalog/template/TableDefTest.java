package dev.catalog.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.TemplateFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class TableDefTest {
  private static final SamTemplate PRODUCTS_API = SamTemplate.load(TemplateFixtures.PRODUCTS_API);
  private static final SamTemplate TABLES = SamTemplate.load(TemplateFixtures.path("tables.yaml"));

  private static KeySchemaElement key(String attribute, KeyType type) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
  }

  @Test
  void productsTableBecomesARequestWithItsKeyAndCategoryIndex() {
    CreateTableRequest request =
        PRODUCTS_API.table("ProductsTable").toCreateTableRequest("products-1");
    assertEquals("products-1", request.tableName());
    assertEquals(BillingMode.PAY_PER_REQUEST, request.billingMode());
    assertEquals(List.of(key("id", KeyType.HASH)), request.keySchema());
    assertEquals(
        List.of(
            AttributeDefinition.builder()
                .attributeName("id")
                .attributeType(ScalarAttributeType.S)
                .build(),
            AttributeDefinition.builder()
                .attributeName("category")
                .attributeType(ScalarAttributeType.S)
                .build()),
        request.attributeDefinitions());
    var index = request.globalSecondaryIndexes().getFirst();
    assertEquals("byCategory", index.indexName());
    assertEquals(
        List.of(key("category", KeyType.HASH), key("id", KeyType.RANGE)), index.keySchema());
    assertEquals(ProjectionType.ALL, index.projection().projectionType());
    assertNull(request.provisionedThroughput());
    assertTrue(request.localSecondaryIndexes().isEmpty());
  }

  @Test
  void deletionProtectionStaysOutSoTestTablesCanBeDeleted() {
    assertNull(
        PRODUCTS_API.table("ProductsTable").toCreateTableRequest("p").deletionProtectionEnabled());
  }

  @Test
  void ttlIsASeparateRequestOnlyForTablesThatEnableIt() {
    var ttl = PRODUCTS_API.table("IdempotencyTable").toTimeToLiveRequest("idem-1").orElseThrow();
    assertEquals("idem-1", ttl.tableName());
    assertEquals("expiresAt", ttl.timeToLiveSpecification().attributeName());
    assertTrue(ttl.timeToLiveSpecification().enabled());
    assertEquals(Optional.empty(), PRODUCTS_API.table("ProductsTable").toTimeToLiveRequest("p"));
    assertEquals(
        Optional.empty(), TABLES.table("OrdersTable").toTimeToLiveRequest("o"), "Enabled: false");
  }

  @Test
  void provisionedTableCarriesThroughputLocalIndexIncludeProjectionAndStream() {
    CreateTableRequest request = TABLES.table("OrdersTable").toCreateTableRequest("orders");
    assertEquals(BillingMode.PROVISIONED, request.billingMode());
    assertEquals(5L, request.provisionedThroughput().readCapacityUnits());
    assertEquals(2L, request.provisionedThroughput().writeCapacityUnits());
    assertEquals(
        List.of(key("customer", KeyType.HASH), key("placedAt", KeyType.RANGE)),
        request.keySchema());
    var local = request.localSecondaryIndexes().getFirst();
    assertEquals("byStatus", local.indexName());
    assertEquals(ProjectionType.KEYS_ONLY, local.projection().projectionType());
    var global = request.globalSecondaryIndexes().getFirst();
    assertEquals(ProjectionType.INCLUDE, global.projection().projectionType());
    assertEquals(List.of("total", "currency"), global.projection().nonKeyAttributes());
    assertEquals(1L, global.provisionedThroughput().readCapacityUnits());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, request.streamSpecification().streamViewType());
    assertTrue(request.streamSpecification().streamEnabled());
  }
}

package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The written-out schema says exactly what the annotations on {@link Product} say: the same attributes, keys,
 * indexes and version attribute, and the same item for the same product, both ways.
 */
class ProductTableSchemaTest {
  static final TableSchema<Product> ANNOTATED = TableSchema.fromBean(Product.class);
  static final TableSchema<Product> WRITTEN = ProductTableSchema.SCHEMA;

  static Product sample() {
    Product product = new Product();
    product.setId("p-1");
    product.setName("Lamp");
    product.setDescription("Brass");
    product.setPrice(new BigDecimal("19.99"));
    product.setCurrency("EUR");
    product.setCategory("lighting");
    product.setTags(List.of("desk", "brass"));
    product.setStock(3);
    product.setCreatedAt(Instant.parse("2026-01-02T03:04:05.678Z"));
    product.setUpdatedAt(Instant.parse("2026-01-02T03:04:06Z"));
    product.setCreatedBy("7e131f96-9cdb-52fb-bc06-e6419b1cb9d9");
    product.setUpdatedBy("local-service-client");
    product.setVersion(4L);
    product.setIncarnation("q83vEjRWeJqrze8SNFZ4mg");
    return product;
  }

  @Test
  void bothSchemasHaveTheSameAttributesKeysAndIndexes() {
    assertEquals(Set.copyOf(ANNOTATED.attributeNames()), Set.copyOf(WRITTEN.attributeNames()));
    TableMetadata annotated = ANNOTATED.tableMetadata();
    TableMetadata written = WRITTEN.tableMetadata();
    assertEquals(annotated.primaryPartitionKey(), written.primaryPartitionKey());
    assertEquals(
        annotated.indexPartitionKey(ProductStore.CATEGORY_INDEX),
        written.indexPartitionKey(ProductStore.CATEGORY_INDEX));
    assertEquals(
        annotated.indexSortKey(ProductStore.CATEGORY_INDEX),
        written.indexSortKey(ProductStore.CATEGORY_INDEX));
    assertEquals(
        annotated.customMetadata(),
        written.customMetadata(),
        "the version attribute, among others");
  }

  @Test
  void bothSchemasWriteTheSameItemAndReadItBack() {
    assertEquals(ANNOTATED.itemToMap(sample(), true), WRITTEN.itemToMap(sample(), true));
    assertEquals(ANNOTATED.itemToMap(sample(), false), WRITTEN.itemToMap(sample(), false));
    var item = ANNOTATED.itemToMap(sample(), true);
    assertEquals(
        ANNOTATED.itemToMap(ANNOTATED.mapToItem(item), true),
        WRITTEN.itemToMap(WRITTEN.mapToItem(item), true));
  }
}

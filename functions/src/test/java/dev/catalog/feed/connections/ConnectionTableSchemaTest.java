package dev.catalog.feed.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The written-out schema says exactly what the annotations on {@link ConnectionItem} say: the same attributes, keys
 * and index, and the same item for the same connection, both ways.
 */
class ConnectionTableSchemaTest {
  static final TableSchema<ConnectionItem> ANNOTATED = TableSchema.fromBean(ConnectionItem.class);
  static final TableSchema<ConnectionItem> WRITTEN = ConnectionTableSchema.SCHEMA;

  static ConnectionItem sample() {
    ConnectionItem item = new ConnectionItem();
    item.setConnectionId("L0SM9cOFvHcCIhw=");
    item.setEntry("category#lighting");
    item.setTopic("category#lighting");
    item.setPrincipalId("7e131f96-9cdb-52fb-bc06-e6419b1cb9d9");
    item.setConnectedAt(Instant.parse("2026-11-28T20:00:00.123Z"));
    item.setExpiresAt(1_795_900_000L);
    item.setTopics(Set.of("all", "category#lighting"));
    return item;
  }

  @Test
  void bothSchemasHaveTheSameAttributesKeysAndIndex() {
    assertEquals(Set.copyOf(ANNOTATED.attributeNames()), Set.copyOf(WRITTEN.attributeNames()));
    TableMetadata annotated = ANNOTATED.tableMetadata();
    TableMetadata written = WRITTEN.tableMetadata();
    assertEquals(annotated.primaryPartitionKey(), written.primaryPartitionKey());
    assertEquals(annotated.primarySortKey(), written.primarySortKey());
    assertEquals(
        annotated.indexPartitionKey(ConnectionStore.TOPIC_INDEX),
        written.indexPartitionKey(ConnectionStore.TOPIC_INDEX));
    assertEquals(
        annotated.indexSortKey(ConnectionStore.TOPIC_INDEX),
        written.indexSortKey(ConnectionStore.TOPIC_INDEX));
    assertEquals(annotated.customMetadata(), written.customMetadata());
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

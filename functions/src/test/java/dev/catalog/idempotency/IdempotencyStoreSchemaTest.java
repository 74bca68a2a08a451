package dev.catalog.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The idempotency table's written-out schema says what the annotations on {@link IdempotencyRecord} say. */
class IdempotencyStoreSchemaTest {
  @Test
  void theWrittenSchemaMatchesTheAnnotatedBean() {
    TableSchema<IdempotencyRecord> annotated = TableSchema.fromBean(IdempotencyRecord.class);
    IdempotencyRecord record = new IdempotencyRecord();
    record.setIdempotencyKey("POST /products c k");
    record.setCaller("c");
    record.setRequestHash("abc");
    record.setStatus(201);
    record.setLocation("/products/1");
    record.setEtag("\"1\"");
    record.setLastModified("Sat, 28 Nov 2026 18:00:00 GMT");
    record.setBody("{}");
    record.setExpiresAt(1_800_000_000L);

    assertEquals(
        Set.copyOf(annotated.attributeNames()),
        Set.copyOf(IdempotencyStore.SCHEMA.attributeNames()));
    assertEquals(
        annotated.tableMetadata().primaryPartitionKey(),
        IdempotencyStore.SCHEMA.tableMetadata().primaryPartitionKey());
    assertEquals(
        annotated.itemToMap(record, false), IdempotencyStore.SCHEMA.itemToMap(record, false));
  }
}

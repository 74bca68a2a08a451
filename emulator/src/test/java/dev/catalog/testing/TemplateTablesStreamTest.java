package dev.catalog.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.dynamodb.TemplateTables;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Tables get the template's StreamSpecification, also a table kept from a run before the template asked for one. */
class TemplateTablesStreamTest {
  @RegisterExtension
  static final DynamoDbLocal DYNAMO = new DynamoDbLocal(TemplateFixtures.path("local-events.yaml"));

  static StreamSpecification stream(String table) {
    return DYNAMO
        .client()
        .describeTable(request -> request.tableName(table))
        .table()
        .streamSpecification();
  }

  @Test
  void aTableIsCreatedWithTheStreamViewTypeOfItsTemplate() {
    assertEquals(
        StreamViewType.NEW_AND_OLD_IMAGES,
        stream(DYNAMO.tableName("OrdersTable")).streamViewType());
    assertEquals(
        StreamViewType.NEW_IMAGE, stream(DYNAMO.tableName("PoisonTable")).streamViewType());
  }

  @Test
  void aKeptTableWithoutAStreamGetsTheTemplatesStream() {
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String orders = TemplateTables.physicalName("OrdersTable", suffix);
    DYNAMO
        .client()
        .createTable(
            DYNAMO.template().table("OrdersTable").toCreateTableRequest(orders).toBuilder()
                .streamSpecification((StreamSpecification) null)
                .build());
    Map<String, String> names = Map.of();
    try {
      names = TemplateTables.createMissing(DYNAMO.client(), DYNAMO.template(), suffix);
      assertTrue(stream(orders).streamEnabled());
      assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, stream(orders).streamViewType());
    } finally {
      TemplateTables.delete(
          DYNAMO.client(), names.isEmpty() ? java.util.List.of(orders) : names.values());
    }
  }
}

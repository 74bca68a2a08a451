package dev.catalog.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Two classes, each with its own extension, run one after the other against the one shared DynamoDB. */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class DynamoDbLocalIsolationTest {
  /** Products table of the class that ran first; the second checks it is gone. */
  private static volatile String firstClassTable;

  /** Writes a marker item and returns the ids it can see: only its own if the tables are separate. */
  private static List<String> markAndScan(DynamoDbLocal dynamo, String marker) {
    String table = dynamo.tableName("ProductsTable");
    dynamo
        .client()
        .putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(marker))));
    return dynamo.client().scan(r -> r.tableName(table)).items().stream()
        .map(item -> item.get("id").s())
        .toList();
  }

  @Nested
  @Order(1)
  class FirstClass {
    @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

    @Test
    void seesOnlyItsOwnItems() {
      firstClassTable = DYNAMO.tableName("ProductsTable");
      assertEquals(List.of("first"), markAndScan(DYNAMO, "first"));
    }
  }

  @Nested
  @Order(2)
  class SecondClass {
    @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

    @Test
    void seesOnlyItsOwnItemsInTablesOfItsOwn() {
      assertFalse(DYNAMO.tableName("ProductsTable").equals(firstClassTable));
      assertEquals(List.of("second"), markAndScan(DYNAMO, "second"));
    }

    @Test
    void theFirstClassesTablesWereDeletedAfterIt() {
      assertFalse(
          DYNAMO.client().listTables().tableNames().contains(firstClassTable), firstClassTable);
    }
  }
}

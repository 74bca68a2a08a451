package dev.catalog.local.dynamodb;

import dev.catalog.template.SamTemplate;
import dev.catalog.template.TableDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the template's tables exactly as it defines them (keys, indexes, TTL, stream) under physical names of their own,
 * e.g. {@code ProductsTable} as {@code products-3f9a1c2e}, and deletes them again.
 */
public final class TemplateTables {
  private TemplateTables() {}

  /**
   * Creates every {@code AWS::DynamoDB::Table} of the template, waits until each is active and turns on its TTL.
   * On failure the tables already made are deleted again.
   *
   * @return physical table names by logical id, in template order
   */
  public static Map<String, String> create(
      DynamoDbClient client, SamTemplate template, String suffix) {
    return create(client, template, suffix, false);
  }

  /**
   * Like {@link #create}, but a table that already exists under its name is kept with its data, provided its keys
   * and indexes are still the template's: the local API restarted on the data directory of an earlier run.
   *
   * @throws IllegalStateException naming the table when the one found was made from another definition
   */
  public static Map<String, String> createMissing(
      DynamoDbClient client, SamTemplate template, String suffix) {
    return create(client, template, suffix, true);
  }

  private static Map<String, String> create(
      DynamoDbClient client, SamTemplate template, String suffix, boolean keepExisting) {
    Map<String, String> names = new LinkedHashMap<>();
    List<String> made = new ArrayList<>();
    // The SDK's default waiter polls every 20 s; local targets are ready at once or within a
    // moment.
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(client)
            .overrideConfiguration(
                wait ->
                    wait.maxAttempts(100)
                        .backoffStrategyV2(
                            BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100))))
            .build()) {
      for (TableDef table : template.tables().values()) {
        String name = physicalName(table.logicalId(), suffix);
        names.put(table.logicalId(), name);
        if (keepExisting && exists(client, table, name)) {
          enableStream(client, table, name);
          continue;
        }
        client.createTable(table.toCreateTableRequest(name));
        made.add(name);
        waiter.waitUntilTableExists(request -> request.tableName(name));
        table.toTimeToLiveRequest(name).ifPresent(client::updateTimeToLive);
      }
    } catch (RuntimeException e) {
      delete(client, made);
      throw e;
    }
    return names;
  }

  private static boolean exists(DynamoDbClient client, TableDef table, String name) {
    TableDescription found;
    try {
      found = client.describeTable(request -> request.tableName(name)).table();
    } catch (ResourceNotFoundException absent) {
      return false;
    }
    CreateTableRequest wanted = table.toCreateTableRequest(name);
    List<String> foundIndexes =
        Stream.concat(
                found.globalSecondaryIndexes().stream().map(i -> i.indexName()),
                found.localSecondaryIndexes().stream().map(i -> i.indexName()))
            .sorted()
            .toList();
    List<String> wantedIndexes =
        Stream.concat(
                wanted.globalSecondaryIndexes().stream().map(i -> i.indexName()),
                wanted.localSecondaryIndexes().stream().map(i -> i.indexName()))
            .sorted()
            .toList();
    if (!found.keySchema().equals(wanted.keySchema()) || !foundIndexes.equals(wantedIndexes)) {
      throw new IllegalStateException(
          "Table "
              + name
              + " was made from another definition of "
              + table.logicalId()
              + " (keys "
              + found.keySchema().stream().map(k -> k.attributeName()).toList()
              + ", indexes "
              + foundIndexes
              + "): delete the data directory to start afresh");
    }
    return true;
  }

  /**
   * Turns on the template's stream on a table kept from an earlier run that has none (made before the template
   * asked for one), so its consumers have something to read.
   */
  private static void enableStream(DynamoDbClient client, TableDef table, String name) {
    table
        .streamViewType()
        .ifPresent(
            view -> {
              var found =
                  client
                      .describeTable(request -> request.tableName(name))
                      .table()
                      .streamSpecification();
              if (found == null || !Boolean.TRUE.equals(found.streamEnabled())) {
                client.updateTable(
                    request ->
                        request
                            .tableName(name)
                            .streamSpecification(
                                stream -> stream.streamEnabled(true).streamViewType(view)));
              }
            });
  }

  /** Deletes the tables; one already gone is no error. */
  public static void delete(DynamoDbClient client, Collection<String> tableNames) {
    for (String name : tableNames) {
      try {
        client.deleteTable(request -> request.tableName(name));
      } catch (ResourceNotFoundException alreadyGone) {
        // Nothing to clean up.
      }
    }
  }

  /** The physical names of the template's tables with {@code suffix}, by logical id in template order. */
  public static Map<String, String> physicalNames(SamTemplate template, String suffix) {
    Map<String, String> names = new LinkedHashMap<>();
    template.tables().keySet().forEach(id -> names.put(id, physicalName(id, suffix)));
    return names;
  }

  /** {@code ProductsTable} and suffix {@code 3f9a} give {@code products-3f9a}; {@code OrderItemsTable}, {@code order-items-3f9a}. */
  public static String physicalName(String logicalId, String suffix) {
    String base =
        logicalId.endsWith("Table") && logicalId.length() > "Table".length()
            ? logicalId.substring(0, logicalId.length() - "Table".length())
            : logicalId;
    return base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + "-" + suffix;
  }
}

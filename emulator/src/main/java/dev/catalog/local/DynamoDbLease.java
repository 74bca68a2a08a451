package dev.catalog.local;

import dev.catalog.local.console.LocalApiException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One local system per outside DynamoDB ({@code -Dlocal.dynamodb}), as {@link DataFolderLock} is one per data folder:
 * two systems on the same tables would each run the stream consumers (every SNS event published twice) and each
 * fan-out would remove the other's connections as gone. A file lock cannot reach a database on another port, so the
 * system holds a lease there instead: an item of the table {@value #TABLE} naming its process and host, written only
 * when there is none or the one there has lapsed, renewed every {@link #RENEW} while the system runs, deleted when it
 * stops. A crashed run's lease lapses after {@link #TERM}, so it blocks the next run that long at most.
 */
final class DynamoDbLease implements AutoCloseable {
  /** The lease's table, beside the template's tables in the outside DynamoDB. */
  static final String TABLE = "local-api-lease";

  static final Duration TERM = Duration.ofSeconds(15);
  static final Duration RENEW = Duration.ofSeconds(5);

  /** The key of the lease's item: the suffix of the tables it covers. */
  static final String KEY = "tables";

  private final DynamoDbClient client;
  private final String suffix;
  private final String holder;
  private final Clock clock;
  private final ScheduledExecutorService renewal;

  private DynamoDbLease(DynamoDbClient client, String suffix, String holder, Clock clock) {
    this.client = client;
    this.suffix = suffix;
    this.holder = holder;
    this.clock = clock;
    this.renewal =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dynamodb-lease").daemon().factory());
  }

  /**
   * Takes the lease on the tables of {@code suffix} (e.g. {@code products-local}'s) in the DynamoDB at
   * {@code endpoint}, and keeps renewing it until closed.
   *
   * @param client an administrator's client of that DynamoDB, closed with the lease
   * @throws LocalApiException naming the DynamoDB and the process that holds it
   */
  static DynamoDbLease take(DynamoDbClient client, URI endpoint, String suffix, Clock clock) {
    String holder = "process " + ProcessHandle.current().pid() + " on " + host();
    DynamoDbLease lease = new DynamoDbLease(client, suffix, holder, clock);
    try {
      createTable(client);
      long now = clock.millis();
      try {
        client.putItem(
            request ->
                request
                    .tableName(TABLE)
                    .item(lease.item(now))
                    .conditionExpression("attribute_not_exists(#id) OR expiresAt < :now")
                    .expressionAttributeNames(Map.of("#id", KEY))
                    .expressionAttributeValues(Map.of(":now", number(now))));
      } catch (ConditionalCheckFailedException held) {
        Map<String, AttributeValue> item =
            client
                .getItem(
                    request ->
                        request
                            .tableName(TABLE)
                            .key(Map.of(KEY, AttributeValue.fromS(suffix)))
                            .consistentRead(true))
                .item();
        throw new LocalApiException(
            "The DynamoDB at "
                + endpoint
                + " (-Dlocal.dynamodb) is in use by another local"
                + " API, "
                + (item.containsKey("holder") ? item.get("holder").s() : "a process")
                + " (its lease in the"
                + " table "
                + TABLE
                + " lapses "
                + TERM.toSeconds()
                + " s after it stops): stop it first, or give this"
                + " one another DynamoDB");
      }
      lease.renewal.scheduleWithFixedDelay(
          lease::renew, RENEW.toMillis(), RENEW.toMillis(), TimeUnit.MILLISECONDS);
      return lease;
    } catch (RuntimeException e) {
      lease.renewal.shutdownNow();
      client.close();
      throw e;
    }
  }

  private Map<String, AttributeValue> item(long now) {
    return Map.of(
        KEY,
        AttributeValue.fromS(suffix),
        "holder",
        AttributeValue.fromS(holder),
        "expiresAt",
        number(now + TERM.toMillis()));
  }

  /** Extends the lease it holds; a lease lost meanwhile (this JVM stood still past its term) is left to its taker. */
  private void renew() {
    try {
      client.updateItem(
          request ->
              request
                  .tableName(TABLE)
                  .key(Map.of(KEY, AttributeValue.fromS(suffix)))
                  .updateExpression("SET expiresAt = :expires")
                  .conditionExpression("holder = :me")
                  .expressionAttributeValues(
                      Map.of(
                          ":expires",
                          number(clock.millis() + TERM.toMillis()),
                          ":me",
                          AttributeValue.fromS(holder))));
    } catch (DynamoDbException | software.amazon.awssdk.core.exception.SdkClientException e) {
      // Tried again at the next renewal; the lease runs for three of them.
    }
  }

  /** Gives the lease up: the DynamoDB is free for the next run at once. */
  @Override
  public void close() {
    renewal.shutdownNow();
    try {
      client.deleteItem(
          request ->
              request
                  .tableName(TABLE)
                  .key(Map.of(KEY, AttributeValue.fromS(suffix)))
                  .conditionExpression("holder = :me")
                  .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(holder))));
    } catch (DynamoDbException | software.amazon.awssdk.core.exception.SdkClientException e) {
      // Not ours any more, or the DynamoDB is gone: the lease lapses on its own.
    } finally {
      client.close();
    }
  }

  /** The lease's table, unless an earlier run made it. */
  static void createTable(DynamoDbClient client) {
    try {
      client.createTable(
          request ->
              request
                  .tableName(TABLE)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .keySchema(key -> key.attributeName(KEY).keyType(KeyType.HASH))
                  .attributeDefinitions(
                      attribute ->
                          attribute.attributeName(KEY).attributeType(ScalarAttributeType.S)));
      client.waiter().waitUntilTableExists(request -> request.tableName(TABLE));
    } catch (ResourceInUseException exists) {
      // Made by an earlier run, or by another starting now.
      client.waiter().waitUntilTableExists(request -> request.tableName(TABLE));
    }
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "this host";
    }
  }
}

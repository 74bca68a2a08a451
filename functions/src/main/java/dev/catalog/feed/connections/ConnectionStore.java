package dev.catalog.feed.connections;

import dev.catalog.kernel.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one store of the connections table. A connection's items are written together (one transaction), so a
 * connection is either recorded with all its initial subscriptions or not at all; every item expires when API Gateway
 * ends the connection at the latest ({@link #expiresAt}), so an item whose {@code $disconnect} never ran is removed by
 * DynamoDB's TTL. A fan-out reads a topic's connections with a Query on {@value #TOPIC_INDEX}, never a Scan, and
 * leaves out items past their expiry, which TTL deletes only some time later.
 *
 * <p>A connection ends when API Gateway closes it, two hours after it opened, or when the token it was opened with
 * expires, whichever comes first: its items expire then ({@link #expiresAt(Instant, Long)}), so no change is sent to
 * it after, and the sweep finds it on {@value #EXPIRY_INDEX} ({@link #expired}) to close it.
 */
public final class ConnectionStore {
  /** The sparse index of subscriptions: hash key topic, range key connection id. */
  public static final String TOPIC_INDEX = "byTopic";

  /**
   * The sparse index of connections by expiry: hash key {@code sweep} (on the connection's own item alone, always
   * {@value #SWEEP}), range key {@code expiresAt}.
   */
  public static final String EXPIRY_INDEX = "byExpiry";

  /** The one value of {@code sweep}: every connection's own item is in one partition of {@value #EXPIRY_INDEX}. */
  static final String SWEEP = "connection";

  /** API Gateway closes every WebSocket connection two hours after it opened. */
  public static final Duration MAX_CONNECTION_LIFE = Duration.ofHours(2);

  /** DynamoDB's limit on the items of one BatchWriteItem. */
  private static final int BATCH_LIMIT = 25;

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ConnectionItem> table;
  private final DynamoDbIndex<ConnectionItem> byTopic;
  private final DynamoDbIndex<ConnectionItem> byExpiry;
  private final Clock clock;

  public ConnectionStore(DynamoDbEnhancedClient client, String tableName, Clock clock) {
    this.client = client;
    this.table = client.table(tableName, ConnectionTableSchema.SCHEMA);
    this.byTopic = table.index(TOPIC_INDEX);
    this.byExpiry = table.index(EXPIRY_INDEX);
    this.clock = clock;
  }

  /** The epoch second at which a connection opened at {@code connectedAt} is closed by API Gateway at the latest. */
  public static long expiresAt(Instant connectedAt) {
    return connectedAt.plus(MAX_CONNECTION_LIFE).getEpochSecond();
  }

  /**
   * The epoch second at which a connection opened at {@code connectedAt} with a token expiring at {@code
   * tokenExpiresAt} (epoch seconds; null: not known) ends: when API Gateway closes it, or when the token expires, if
   * sooner.
   */
  public static long expiresAt(Instant connectedAt, Long tokenExpiresAt) {
    long closed = expiresAt(connectedAt);
    return tokenExpiresAt == null ? closed : Math.min(closed, tokenExpiresAt);
  }

  /** As {@link #open(String, String, Instant, Long, Collection)}, with a token whose expiry is not known. */
  public void open(
      String connectionId, String principalId, Instant connectedAt, Collection<Topic> topics) {
    open(connectionId, principalId, connectedAt, null, topics);
  }

  /**
   * Records the connection, who opened it and its first subscriptions, all or nothing, every item expiring when the
   * connection ends ({@link #expiresAt(Instant, Long)}).
   */
  public void open(
      String connectionId,
      String principalId,
      Instant connectedAt,
      Long tokenExpiresAt,
      Collection<Topic> topics) {
    long expiresAt = expiresAt(connectedAt, tokenExpiresAt);
    ConnectionItem connection = item(connectionId, Topic.CONNECTION, null, expiresAt);
    connection.setSweep(SWEEP);
    connection.setPrincipalId(principalId);
    connection.setConnectedAt(connectedAt);
    var request =
        TransactWriteItemsEnhancedRequest.builder().addPutItem(table, checked(connection));
    for (Topic topic : topics) {
      request.addPutItem(table, subscription(connectionId, topic, expiresAt));
    }
    client.transactWriteItems(request.build());
  }

  /** As {@link #subscribe(String, Instant, Long, Collection)}, with a token whose expiry is not known. */
  public boolean subscribe(String connectionId, Instant connectedAt, Collection<Topic> topics) {
    return subscribe(connectionId, connectedAt, null, topics);
  }

  /**
   * Adds subscriptions to a recorded connection, all or none, expiring with it; false when the connection is not
   * recorded (it closed, or its {@code $connect} was never completed).
   */
  public boolean subscribe(
      String connectionId, Instant connectedAt, Long tokenExpiresAt, Collection<Topic> topics) {
    long expiresAt = expiresAt(connectedAt, tokenExpiresAt);
    var request =
        TransactWriteItemsEnhancedRequest.builder()
            .addConditionCheck(
                table,
                ConditionCheck.builder()
                    .key(key(connectionId, Topic.CONNECTION))
                    .conditionExpression(
                        Expression.builder().expression("attribute_exists(connectionId)").build())
                    .build());
    for (Topic topic : topics) {
      request.addPutItem(table, subscription(connectionId, topic, expiresAt));
    }
    try {
      client.transactWriteItems(request.build());
      return true;
    } catch (TransactionCanceledException cancelled) {
      if (cancelled.hasCancellationReasons()
          && !cancelled.cancellationReasons().isEmpty()
          && "ConditionalCheckFailed".equals(cancelled.cancellationReasons().get(0).code())) {
        return false;
      }
      throw cancelled;
    }
  }

  /** Removes subscriptions of a connection, all or none; removing one it does not have is no error. */
  public void unsubscribe(String connectionId, Collection<Topic> topics) {
    var request = TransactWriteItemsEnhancedRequest.builder();
    for (Topic topic : topics) {
      request.addDeleteItem(table, key(connectionId, topic.key()));
    }
    client.transactWriteItems(request.build());
  }

  /** The topics the connection subscribes to. */
  public Set<Topic> topics(String connectionId) {
    Set<Topic> topics = new LinkedHashSet<>();
    for (ConnectionItem item : items(connectionId)) {
      if (!Topic.CONNECTION.equals(item.getEntry())) {
        topics.add(Topic.ofKey(item.getEntry()));
      }
    }
    return topics;
  }

  /** The connection's own item: who opened it and when; null when it is not recorded. */
  public ConnectionItem connection(String connectionId) {
    return table.getItem(r -> r.key(key(connectionId, Topic.CONNECTION)).consistentRead(true));
  }

  /** Removes every item of the connection: its own and all its subscriptions. */
  public void remove(String connectionId) {
    List<Key> keys =
        items(connectionId).stream().map(item -> key(connectionId, item.getEntry())).toList();
    for (int from = 0; from < keys.size(); from += BATCH_LIMIT) {
      List<Key> chunk = keys.subList(from, Math.min(from + BATCH_LIMIT, keys.size()));
      deleteAll(chunk);
    }
  }

  /** The connections subscribed to {@code topic} whose life has not ended, from the index, in id order. */
  public List<String> subscribers(Topic topic) {
    return subscriptions(topic).stream().map(Subscriber::connectionId).toList();
  }

  /** A connection subscribed to a topic, and the epoch second its life ends. */
  public record Subscriber(String connectionId, long expiresAt) {}

  /**
   * The connections subscribed to {@code topic} whose life has not ended, with the second it ends, from the index, in
   * id order.
   */
  public List<Subscriber> subscriptions(Topic topic) {
    List<Subscriber> connections = new ArrayList<>();
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.keyEqualTo(Key.builder().partitionValue(topic.key()).build()))
            .filterExpression(unexpired())
            .build();
    byTopic
        .query(request)
        .forEach(
            page ->
                page.items()
                    .forEach(
                        item ->
                            connections.add(
                                new Subscriber(item.getConnectionId(), item.getExpiresAt()))));
    return connections;
  }

  /** Whether a life ending at {@code expiresAt} (epoch seconds) has ended: from that second on. */
  public boolean ended(long expiresAt) {
    return clock.instant().getEpochSecond() >= expiresAt;
  }

  /**
   * The connections whose life has ended by now (their token expired, or API Gateway's two hours are over), the
   * longest ended first: a Query of {@value #EXPIRY_INDEX}, which holds each connection's own item alone, read page by
   * page ({@code pageSize} items) as the stream is consumed.
   */
  public Stream<String> expired(int pageSize) {
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.sortLessThanOrEqualTo(
                    Key.builder()
                        .partitionValue(SWEEP)
                        .sortValue(clock.instant().getEpochSecond())
                        .build()))
            .limit(pageSize)
            .build();
    return byExpiry.query(request).stream()
        .flatMap(page -> page.items().stream())
        .map(ConnectionItem::getConnectionId);
  }

  private List<ConnectionItem> items(String connectionId) {
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.keyEqualTo(Key.builder().partitionValue(connectionId).build()))
            .consistentRead(true)
            .build();
    List<ConnectionItem> items = new ArrayList<>();
    table.query(request).items().forEach(items::add);
    return items;
  }

  /** Deletes the keys in one batch, sending again what DynamoDB left unprocessed (it may under load). */
  private void deleteAll(List<Key> keys) {
    List<Key> pending = keys;
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt > 0) {
        pause(attempt);
      }
      WriteBatch.Builder<ConnectionItem> batch =
          WriteBatch.builder(ConnectionItem.class).mappedTableResource(table);
      pending.forEach(batch::addDeleteItem);
      BatchWriteResult result =
          client.batchWriteItem(
              BatchWriteItemEnhancedRequest.builder().addWriteBatch(batch.build()).build());
      pending = result.unprocessedDeleteItemsForTable(table);
      if (attempt >= 8 && !pending.isEmpty()) {
        throw new IllegalStateException(
            pending.size() + " items of a connection were left unprocessed 8 times");
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(1000L, 25L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deleting a connection", e);
    }
  }

  private Expression unexpired() {
    return Expression.builder()
        .expression("#expiresAt > :now")
        .putExpressionName("#expiresAt", "expiresAt")
        .putExpressionValue(
            ":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))
        .build();
  }

  private static ConnectionItem subscription(String connectionId, Topic topic, long expiresAt) {
    return checked(item(connectionId, topic.key(), topic.key(), expiresAt));
  }

  private static ConnectionItem item(
      String connectionId, String entry, String topic, long expiresAt) {
    ConnectionItem item = new ConnectionItem();
    item.setConnectionId(connectionId);
    item.setEntry(entry);
    item.setTopic(topic);
    item.setExpiresAt(expiresAt);
    return item;
  }

  /** The item, once its declared constraints hold: the handlers have checked what the client sent before. */
  private static ConnectionItem checked(ConnectionItem item) {
    var errors = Validation.check(item);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid connection item: " + errors);
    }
    return item;
  }

  private static Key key(String connectionId, String entry) {
    return Key.builder().partitionValue(connectionId).sortValue(entry).build();
  }
}

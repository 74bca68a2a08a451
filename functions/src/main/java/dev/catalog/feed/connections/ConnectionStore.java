package dev.catalog.feed.connections;

import dev.catalog.kernel.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

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
 *
 * <p>Two caps hold under concurrency, each by a conditional write on one item's bookkeeping rather than a count
 * followed by a write: the connections of one principal ({@link #reserve}, {@link PrincipalSlots}) and the topics of
 * one connection ({@link #subscribe}: its own item lists them in {@code topics}).
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

  /** Reads and writes a subscribe tries at most; each failed one met another change of the same connection. */
  private static final int SUBSCRIBE_ATTEMPTS = 16;

  private final DynamoDbClient dynamo;
  private final DynamoDbEnhancedClient client;
  private final String tableName;
  private final DynamoDbTable<ConnectionItem> table;
  private final DynamoDbIndex<ConnectionItem> byTopic;
  private final DynamoDbIndex<ConnectionItem> byExpiry;
  private final PrincipalSlots slots;
  private final Clock clock;

  /** The store on {@code dynamo}: the enhanced client for items, the client itself for the conditional writes. */
  public ConnectionStore(DynamoDbClient dynamo, String tableName, Clock clock) {
    this.dynamo = dynamo;
    this.client = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.tableName = tableName;
    this.table = client.table(tableName, ConnectionTableSchema.SCHEMA);
    this.byTopic = table.index(TOPIC_INDEX);
    this.byExpiry = table.index(EXPIRY_INDEX);
    this.slots = new PrincipalSlots(dynamo, tableName, clock);
    this.clock = clock;
  }

  /** What a subscribe did. */
  public enum Subscribed {
    /** The topics were added (or already held). */
    ADDED,
    /** Nothing was added: the connection would have held more topics than allowed. */
    TOO_MANY,
    /** Nothing was added: the connection is not recorded (it closed, or its {@code $connect} never completed). */
    NOT_RECORDED
  }

  /** The outcome of a subscribe, and how many topics the connection holds (or would have held, for TOO_MANY). */
  public record SubscribeOutcome(Subscribed result, int topics) {}

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
    if (!topics.isEmpty()) {
      connection.setTopics(new TreeSet<>(topics.stream().map(Topic::key).toList()));
    }
    var request =
        TransactWriteItemsEnhancedRequest.builder().addPutItem(table, checked(connection));
    for (Topic topic : topics) {
      request.addPutItem(table, subscription(connectionId, topic, expiresAt));
    }
    client.transactWriteItems(request.build());
  }

  /**
   * Takes one of {@code principalId}'s connection slots for the connection opened at {@code connectedAt}, which it
   * holds until {@link #close} gives it back or the connection's life ends; false when the principal already holds
   * {@code max} connections whose life has not ended. A connection without principal (a route without authorizer)
   * takes none. Atomic: concurrent calls never leave a principal with more than {@code max}.
   */
  public boolean reserve(
      String principalId, String connectionId, Instant connectedAt, Long tokenExpiresAt, int max) {
    return principalId == null
        || slots.take(principalId, connectionId, expiresAt(connectedAt, tokenExpiresAt), max);
  }

  /** Gives back the slot {@link #reserve} took (a {@code $connect} that failed after it); no error if none. */
  public void release(String principalId, String connectionId) {
    if (principalId != null) {
      slots.release(principalId, connectionId);
    }
  }

  /**
   * Adds subscriptions to a recorded connection, all or none, unless the connection would then hold more than
   * {@code maxTopics}. One transaction adds the topics to the connection's own item, on the condition that it is
   * recorded, holds the topics this call saw it hold and has room for the others, and puts the subscriptions; when a
   * concurrent change made the condition false, it reads the item again and tries again. So concurrent subscribes
   * never leave a connection with more than {@code maxTopics}.
   */
  public SubscribeOutcome subscribe(
      String connectionId,
      Instant connectedAt,
      Long tokenExpiresAt,
      Collection<Topic> topics,
      int maxTopics) {
    long expiresAt = expiresAt(connectedAt, tokenExpiresAt);
    Set<String> keys = new TreeSet<>(topics.stream().map(Topic::key).toList());
    TransactionCanceledException last = null;
    for (int attempt = 0; attempt < SUBSCRIBE_ATTEMPTS; attempt++) {
      ConnectionItem connection = connection(connectionId);
      if (connection == null) {
        return new SubscribeOutcome(Subscribed.NOT_RECORDED, 0);
      }
      Set<String> held = connection.getTopics() == null ? Set.of() : connection.getTopics();
      Set<String> after = new HashSet<>(held);
      after.addAll(keys);
      if (after.size() > maxTopics) {
        return new SubscribeOutcome(Subscribed.TOO_MANY, after.size());
      }
      List<String> already = keys.stream().filter(held::contains).toList();
      int added = keys.size() - already.size();
      try {
        dynamo.transactWriteItems(
            r ->
                r.transactItems(
                    addTopics(connectionId, keys, already, maxTopics - added, expiresAt)));
        return new SubscribeOutcome(Subscribed.ADDED, after.size());
      } catch (TransactionCanceledException cancelled) {
        if (!changedMeanwhile(cancelled)) {
          throw cancelled;
        }
        last = cancelled;
        backOff(attempt);
      }
    }
    throw last;
  }

  /**
   * The transaction of a subscribe: the connection's item gains {@code keys} if it is recorded, still holds
   * {@code already}, and holds at most {@code room} topics (the others of {@code keys} are new to it); then the
   * subscriptions.
   */
  private List<TransactWriteItem> addTopics(
      String connectionId, Set<String> keys, List<String> already, int room, long expiresAt) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":keys", AttributeValue.fromSs(List.copyOf(keys)));
    values.put(":room", AttributeValue.fromN(Integer.toString(room)));
    StringBuilder condition =
        new StringBuilder(
            "attribute_exists(connectionId) AND (attribute_not_exists(#topics) OR size(#topics) <= :room)");
    for (int i = 0; i < already.size(); i++) {
      values.put(":held" + i, AttributeValue.fromS(already.get(i)));
      condition.append(" AND contains(#topics, :held").append(i).append(')');
    }
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        TransactWriteItem.builder()
            .update(
                Update.builder()
                    .tableName(tableName)
                    .key(keyMap(connectionId, Topic.CONNECTION))
                    .updateExpression("ADD #topics :keys")
                    .conditionExpression(condition.toString())
                    .expressionAttributeNames(Map.of("#topics", "topics"))
                    .expressionAttributeValues(values)
                    .build())
            .build());
    for (String key : keys) {
      ConnectionItem subscription = subscription(connectionId, Topic.ofKey(key), expiresAt);
      items.add(
          TransactWriteItem.builder()
              .put(
                  Put.builder()
                      .tableName(tableName)
                      .item(ConnectionTableSchema.SCHEMA.itemToMap(subscription, true))
                      .build())
              .build());
    }
    return items;
  }

  /**
   * Whether a subscribe's transaction was cancelled because the connection's item changed since it was read (its
   * condition failed, or another transaction was writing it): then reading it again decides.
   */
  private static boolean changedMeanwhile(TransactionCanceledException cancelled) {
    if (!cancelled.hasCancellationReasons()) {
      return false;
    }
    for (CancellationReason reason : cancelled.cancellationReasons()) {
      if ("ConditionalCheckFailed".equals(reason.code())
          || "TransactionConflict".equals(reason.code())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes subscriptions of a connection, all or none, and their topics from the connection's item; removing one it
   * does not hold is no error, nor is a connection that is not recorded (it holds nothing).
   */
  public void unsubscribe(String connectionId, Collection<Topic> topics) {
    Set<String> keys = new TreeSet<>(topics.stream().map(Topic::key).toList());
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        TransactWriteItem.builder()
            .update(
                Update.builder()
                    .tableName(tableName)
                    .key(keyMap(connectionId, Topic.CONNECTION))
                    .updateExpression("DELETE #topics :keys")
                    .conditionExpression("attribute_exists(connectionId)")
                    .expressionAttributeNames(Map.of("#topics", "topics"))
                    .expressionAttributeValues(
                        Map.of(":keys", AttributeValue.fromSs(List.copyOf(keys))))
                    .build())
            .build());
    for (String key : keys) {
      items.add(
          TransactWriteItem.builder()
              .delete(Delete.builder().tableName(tableName).key(keyMap(connectionId, key)).build())
              .build());
    }
    try {
      dynamo.transactWriteItems(r -> r.transactItems(items));
    } catch (TransactionCanceledException cancelled) {
      if (!cancelled.hasCancellationReasons()
          || cancelled.cancellationReasons().isEmpty()
          || !"ConditionalCheckFailed".equals(cancelled.cancellationReasons().get(0).code())) {
        throw cancelled;
      }
      // Not recorded: it holds no subscription, so there is nothing to remove.
    }
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
    delete(connectionId, items(connectionId));
  }

  /**
   * The connection ended ({@code $disconnect}): removes its items, and gives back its principal's slot. The
   * principal is {@code principalId} (the authorizer's, which API Gateway passes on with every event of the
   * connection), else the one its own item recorded.
   */
  public void close(String connectionId, String principalId) {
    List<ConnectionItem> items = items(connectionId);
    String principal = principalId;
    for (ConnectionItem item : items) {
      if (principal == null && Topic.CONNECTION.equals(item.getEntry())) {
        principal = item.getPrincipalId();
      }
    }
    try {
      delete(connectionId, items);
    } finally {
      release(principal, connectionId);
    }
  }

  private void delete(String connectionId, List<ConnectionItem> items) {
    List<Key> keys = items.stream().map(item -> key(connectionId, item.getEntry())).toList();
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

  /** A short random wait before a subscribe reads again, so that concurrent ones do not collide in step. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(
          java.util.concurrent.ThreadLocalRandom.current().nextLong(2L << Math.min(attempt, 5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while subscribing", e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(1000L, 25L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a connection", e);
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

  private static Map<String, AttributeValue> keyMap(String connectionId, String entry) {
    return Map.of(
        "connectionId", AttributeValue.fromS(connectionId), "entry", AttributeValue.fromS(entry));
  }

  private static Key key(String connectionId, String entry) {
    return Key.builder().partitionValue(connectionId).sortValue(entry).build();
  }
}

package dev.catalog.feed.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.feed.FeedFunctions;
import dev.catalog.local.iam.IamCall;
import dev.catalog.testing.DynamoDbLocal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The connections table through {@link ConnectionStore}, each operation as the function that makes it calls it. */
class ConnectionStoreTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);

  static String connectionId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "=";
  }

  static List<Map<String, AttributeValue>> items(String connectionId) {
    return DYNAMO
        .client()
        .scan(r -> r.tableName(DYNAMO.tableName("ConnectionsTable")))
        .items()
        .stream()
        .filter(item -> item.get("connectionId").s().equals(connectionId))
        .toList();
  }

  @Test
  void
      openRecordsWhoConnectedAndTheSubscriptionsAndEveryItemExpiresWhenApiGatewayEndsTheConnection() {
    String id = connectionId();
    Instant connectedAt = Instant.parse("2026-11-28T20:00:00.250Z");
    FEED.store("FeedConnectFunction")
        .open(id, "user-1", connectedAt, List.of(Topic.category("lighting"), Topic.all()));

    List<Map<String, AttributeValue>> items = items(id);
    assertEquals(
        Set.of("connection", "category#lighting", "all"),
        items.stream().map(item -> item.get("entry").s()).collect(Collectors.toSet()));
    for (Map<String, AttributeValue> item : items) {
      assertEquals(
          String.valueOf(connectedAt.plus(2, ChronoUnit.HOURS).getEpochSecond()),
          item.get("expiresAt").n(),
          item.toString());
    }
    ConnectionItem connection = FEED.admin().connection(id);
    assertEquals("user-1", connection.getPrincipalId());
    assertEquals(connectedAt, connection.getConnectedAt());
    assertEquals(
        null, connection.getTopic(), "the connection's own item stays out of the topic index");
  }

  @Test
  void subscribersOfATopicAreFoundWithAQueryOnTheTopicIndexNeverAScan() {
    String lighting = connectionId();
    String kitchen = connectionId();
    String everything = connectionId();
    String a = "lighting-" + UUID.randomUUID();
    String b = "kitchen-" + UUID.randomUUID();
    Instant now = Instant.now();
    ConnectionStore connect = FEED.store("FeedConnectFunction");
    connect.open(lighting, "u", now, List.of(Topic.category(a)));
    connect.open(kitchen, "u", now, List.of(Topic.category(b)));
    connect.open(everything, "u", now, List.of(Topic.all(), Topic.category(a)));

    // The fan-out's policy allows a Query on the index and nothing else there: a Scan would be
    // refused.
    ConnectionStore fanOut = FEED.store("FeedFanOutFunction");
    assertEquals(Set.of(lighting, everything), Set.copyOf(fanOut.subscribers(Topic.category(a))));
    assertEquals(List.of(kitchen), fanOut.subscribers(Topic.category(b)));
    assertTrue(fanOut.subscribers(Topic.all()).contains(everything));
    assertEquals(List.of(), fanOut.subscribers(Topic.category("garden")));

    List<IamCall> calls =
        DYNAMO.calls().stream().filter(c -> c.function().equals("FeedFanOutFunction")).toList();
    assertFalse(calls.isEmpty());
    assertTrue(
        calls.stream()
            .allMatch(
                c ->
                    c.allowed()
                        && c.action().equals("dynamodb:Query")
                        && c.resource().endsWith("/index/" + ConnectionStore.TOPIC_INDEX)),
        calls.toString());
  }

  @Test
  void subscribersLeaveOutConnectionsPastTheirTwoHoursThatTtlHasNotDeletedYet() {
    String stale = connectionId();
    String fresh = connectionId();
    ConnectionStore connect = FEED.store("FeedConnectFunction");
    Topic topic = Topic.category("old-" + UUID.randomUUID());
    connect.open(
        stale, "u", Instant.now().minus(2, ChronoUnit.HOURS).minusSeconds(5), List.of(topic));
    connect.open(fresh, "u", Instant.now(), List.of(topic));

    assertEquals(List.of(fresh), FEED.store("FeedFanOutFunction").subscribers(topic));
  }

  @Test
  void removeDeletesEveryItemOfTheConnectionBeyondOneBatchAndNoOther() {
    String removed = connectionId();
    String kept = connectionId();
    List<Topic> topics = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      topics.add(Topic.category("c" + i));
    }
    ConnectionStore connect = FEED.store("FeedConnectFunction");
    connect.open(removed, "u", Instant.now(), topics.subList(0, 20));
    FEED.store("FeedSubscribeFunction")
        .subscribe(removed, Instant.now(), null, topics.subList(20, 40), 50);
    connect.open(kept, "u", Instant.now(), List.of(Topic.category("c1")));
    assertEquals(41, items(removed).size());

    FEED.store("FeedDisconnectFunction").remove(removed);

    assertEquals(List.of(), items(removed));
    assertEquals(2, items(kept).size());
  }

  @Test
  void subscriptionsAddedLaterExpireWithTheConnectionNotTwoHoursAfterTheyWereAdded() {
    String id = connectionId();
    Instant connectedAt = Instant.now().minus(90, ChronoUnit.MINUTES);
    FEED.store("FeedConnectFunction").open(id, "u", connectedAt, List.of());
    FEED.store("FeedSubscribeFunction")
        .subscribe(id, connectedAt, null, List.of(Topic.category("late"), Topic.all()), 50);

    List<Map<String, AttributeValue>> items = items(id);
    assertEquals(3, items.size());
    for (Map<String, AttributeValue> item : items) {
      assertEquals(
          String.valueOf(connectedAt.plus(2, ChronoUnit.HOURS).getEpochSecond()),
          item.get("expiresAt").n(),
          item.toString());
    }
  }

  @Test
  void subscribeToAConnectionThatIsNotRecordedWritesNothingAndSaysSo() {
    String unknown = connectionId();
    assertEquals(
        ConnectionStore.Subscribed.NOT_RECORDED,
        FEED.store("FeedSubscribeFunction")
            .subscribe(unknown, Instant.now(), null, List.of(Topic.all()), 50)
            .result());
    assertEquals(List.of(), items(unknown));
  }

  @Test
  void unsubscribeRemovesOnlyTheTopicsNamedAndForgivesOnesNotHeld() {
    String id = connectionId();
    FEED.store("FeedConnectFunction")
        .open(
            id, "u", Instant.now(), List.of(Topic.category("a"), Topic.category("b"), Topic.all()));
    FEED.store("FeedUnsubscribeFunction")
        .unsubscribe(id, List.of(Topic.category("a"), Topic.category("zzz")));
    assertEquals(Set.of(Topic.category("b"), Topic.all()), FEED.admin().topics(id));
  }

  @Test
  void anItemThatBreaksItsDeclaredConstraintsIsNeverWritten() {
    String id = "not a connection id";
    assertThrows(
        IllegalArgumentException.class,
        () -> FEED.store("FeedConnectFunction").open(id, "u", Instant.now(), List.of()));
    assertEquals(List.of(), items(id));
  }

  @Test
  void aConnectionEndsWhenItsTokenExpiresIfThatComesBeforeApiGatewaysTwoHours() {
    Instant connectedAt = Instant.parse("2026-12-06T12:00:00Z");
    long twoHours = connectedAt.plus(ConnectionStore.MAX_CONNECTION_LIFE).getEpochSecond();
    assertEquals(twoHours, ConnectionStore.expiresAt(connectedAt, null));
    assertEquals(twoHours - 1, ConnectionStore.expiresAt(connectedAt, twoHours - 1));
    assertEquals(twoHours, ConnectionStore.expiresAt(connectedAt, twoHours + 3600));
  }

  @Test
  void theExpiryIndexHoldsEachConnectionOnceAndGivesThoseEndedLongestEndedFirst() {
    ConnectionStore connect = FEED.store("FeedConnectFunction");
    long now = Instant.now().getEpochSecond();
    String later = "later-" + UUID.randomUUID().toString().substring(0, 8);
    String first = "first-" + UUID.randomUUID().toString().substring(0, 8);
    String second = "second-" + UUID.randomUUID().toString().substring(0, 8);
    String a = "a-" + later;
    String b = "b-" + second;
    connect.open(later, "u", Instant.now(), now + 3600, List.of(Topic.all(), Topic.category(a)));
    connect.open(second, "u", Instant.now(), now - 5, List.of(Topic.all(), Topic.category(b)));
    connect.open(first, "u", Instant.now(), now - 50, List.of(Topic.all()));

    List<String> ended = FEED.store("FeedSweepFunction").expired(1).toList();

    assertEquals(
        List.of(first, second),
        ended.stream().filter(id -> id.equals(first) || id.equals(second)).toList());
    assertFalse(ended.contains(later));
    assertEquals(ended.size(), Set.copyOf(ended).size(), "each connection once");
    assertTrue(FEED.admin().subscribers(Topic.category(b)).isEmpty(), "an ended one gets nothing");
    assertEquals(List.of(later), FEED.admin().subscribers(Topic.category(a)));
  }
}

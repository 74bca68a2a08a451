package dev.catalog.feed;

import static dev.catalog.feed.FeedReplies.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.catalog.feed.connections.Topic;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.WebSocketEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code $connect}, invoked in-process with its event's JSON as Lambda does, on DynamoDB Local under its policy. */
class ConnectHandlerTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);

  static String connectionId() {
    return UUID.randomUUID().toString().substring(0, 18) + "=";
  }

  @Test
  void
      connectRecordsWhoConnectedAndTheQuerysSubscriptionsNormalizedAsTheRestApiNormalizesCategories() {
    String id = connectionId();
    Instant at = Instant.parse("2026-11-28T21:00:00.500Z");
    var reply =
        WebSocketEvents.connect(
                id, at, "category", "\u00a0cafe\u0301 ", "category", "kitchen", "all", "true")
            .principal("sub-42")
            .invoke(FEED.connect());

    assertEquals(200, reply.statusCode());
    assertEquals(
        Set.of(Topic.category("caf\u00e9"), Topic.category("kitchen"), Topic.all()),
        FEED.admin().topics(id));
    assertEquals("sub-42", FEED.admin().connection(id).getPrincipalId());
    assertEquals(at, FEED.admin().connection(id).getConnectedAt());
  }

  @Test
  void connectWithoutAQueryRecordsAConnectionWithNoSubscriptionYet() {
    String id = connectionId();
    assertEquals(
        200, WebSocketEvents.connect(id, Instant.now()).invoke(FEED.connect()).statusCode());
    assertEquals(Set.of(), FEED.admin().topics(id));
    assertEquals("local-user", FEED.admin().connection(id).getPrincipalId());
  }

  @Test
  void theAuthorizersTokenParameterIsAllowedAndNotStored() {
    String id = connectionId();
    var reply =
        WebSocketEvents.connect(
                id, Instant.now(), "token", "eyJhbGciOi.secret.sig", "category", "garden")
            .invoke(FEED.connect());
    assertEquals(200, reply.statusCode());
    assertEquals(Set.of(Topic.category("garden")), FEED.admin().topics(id));
  }

  static List<List<String>> refusedQueries() {
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= 20; i++) {
      tooMany.add("category");
      tooMany.add("c" + i);
    }
    return List.of(
        List.of("colour", "red"),
        List.of("all", "yes"),
        List.of("all", "true", "all", "true"),
        List.of("category", "  "),
        List.of("category", "x".repeat(65)),
        List.of("category", "a\u0000b"),
        List.of("category", "a\u0085b"),
        List.of("category", "a\u2028b"),
        List.of("category", "a\ufdd0b"),
        List.of("category", "a\ud800b"),
        List.of("category", "lamp", "category", " lamp"),
        tooMany);
  }

  @ParameterizedTest
  @MethodSource("refusedQueries")
  void aQueryThatIsNotAValidSubscriptionRefusesTheConnectionWith400AndRecordsNothing(
      List<String> query) {
    String id = connectionId();
    var reply =
        WebSocketEvents.connect(id, Instant.now(), query.toArray(String[]::new))
            .invoke(FEED.connect());
    assertError(400, "invalid-query", reply);
    assertNull(FEED.admin().connection(id));
    assertEquals(Set.of(), FEED.admin().topics(id));
  }
}

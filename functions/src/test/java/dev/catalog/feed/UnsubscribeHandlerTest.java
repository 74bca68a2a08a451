package dev.catalog.feed;

import static dev.catalog.feed.FeedReplies.assertError;
import static dev.catalog.feed.FeedReplies.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.feed.connections.Topic;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.WebSocketEvents;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code unsubscribe}, invoked in-process with its event's JSON as Lambda does. */
class UnsubscribeHandlerTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);
  static final Instant CONNECTED = Instant.now();

  static String connected(String... query) {
    String id = UUID.randomUUID().toString().substring(0, 18) + "=";
    // A principal of its own: the test class opens more connections than one principal may hold.
    assertEquals(
        200,
        WebSocketEvents.connect(id, CONNECTED, query)
            .principal("sub-" + id)
            .invoke(FEED.connect())
            .statusCode());
    return id;
  }

  static WebSocketEvents.Reply send(String id, String body) {
    return WebSocketEvents.message("unsubscribe", id, CONNECTED, body).invoke(FEED.unsubscribe());
  }

  @Test
  void unsubscribeRemovesTheNamedTopicsNormalizedAndAcknowledgesThem() {
    String id = connected("category", "caf\u00e9", "category", "kitchen", "all", "true");
    var reply =
        send(id, "{\"action\":\"unsubscribe\",\"categories\":[\"cafe\u0301 \"],\"all\":true}");
    assertEquals(200, reply.statusCode(), reply.body());
    assertEquals(
        "{\"type\":\"unsubscribed\",\"categories\":[\"caf\u00e9\"],\"all\":true}", reply.body());
    assertEquals(Set.of(Topic.category("kitchen")), FEED.admin().topics(id));
  }

  @Test
  void unsubscribingFromATopicNotHeldIsNoError() {
    String id = connected("category", "kitchen");
    assertEquals(
        200, send(id, "{\"action\":\"unsubscribe\",\"categories\":[\"garden\"]}").statusCode());
    assertEquals(Set.of(Topic.category("kitchen")), FEED.admin().topics(id));
  }

  @Test
  void anUnsubscribeWithBadFieldsIsAValidationErrorAndRemovesNothing() {
    String id = connected("category", "kitchen");
    var problem =
        assertError(
            400,
            "validation-failed",
            send(id, "{\"action\":\"unsubscribe\",\"categories\":[\"kitchen\"],\"every\":true}"));
    assertEquals(Set.of("every"), fields(problem));
    assertEquals(Set.of(Topic.category("kitchen")), FEED.admin().topics(id));
  }
}

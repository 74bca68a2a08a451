package dev.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.catalog.feed.connections.Topic;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.WebSocketEvents;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code $disconnect}, invoked in-process as Lambda does. */
class DisconnectHandlerTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);

  @Test
  void disconnectRemovesTheConnectionAndEverySubscriptionAndLeavesOtherConnections() {
    Instant at = Instant.now();
    WebSocketEvents.connect("gone-1=", at, "category", "lighting", "all", "true")
        .invoke(FEED.connect());
    WebSocketEvents.connect("kept-1=", at, "category", "lighting").invoke(FEED.connect());

    assertEquals(
        200, WebSocketEvents.disconnect("gone-1=", at).invoke(FEED.disconnect()).statusCode());

    assertNull(FEED.admin().connection("gone-1="));
    assertEquals(Set.of(), FEED.admin().topics("gone-1="));
    assertEquals(Set.of(Topic.category("lighting")), FEED.admin().topics("kept-1="));
  }

  @Test
  void aSecondDisconnectOfTheSameConnectionIsNoError() {
    Instant at = Instant.now();
    WebSocketEvents.connect("twice-1=", at).invoke(FEED.connect());
    assertEquals(
        200, WebSocketEvents.disconnect("twice-1=", at).invoke(FEED.disconnect()).statusCode());
    assertEquals(
        200, WebSocketEvents.disconnect("twice-1=", at).invoke(FEED.disconnect()).statusCode());
  }
}

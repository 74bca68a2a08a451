package dev.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.feed.connections.Topic;
import dev.catalog.local.events.websocket.LocalWebSocketApi;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.WebSocketClient;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The feed's WebSocket contract over real WebSockets: the template's routes served by the local WebSocket API, each
 * invoking the real function (its own class loader, its template environment and policy) on DynamoDB Local.
 */
class FeedContractTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(10);
  static LocalWebSocketApi ws;

  @BeforeAll
  static void start() {
    ws = FEED.webSocketApi();
  }

  @AfterAll
  static void stop() {
    ws.close();
    FEED.close();
  }

  static JsonNode reply(WebSocketClient client, String message) throws Exception {
    client.send(message);
    String reply = client.next(WAIT);
    assertTrue(reply != null, "a reply to " + message);
    return MAPPER.readTree(reply);
  }

  /** The connection id the local API gave the client just opened. */
  static String idOf(Set<String> before) throws InterruptedException {
    return ws.connections()
        .awaitNew(before, Duration.ofSeconds(5))
        .orElseThrow(() -> new AssertionError("no connection registered"));
  }

  @Test
  void aClientConnectsWithCategoriesSubscribesUnsubscribesAndIsToldOfEveryMistake()
      throws Exception {
    Set<String> before = new HashSet<>(ws.connections().ids());
    try (WebSocketClient client =
        WebSocketClient.open(
            URI.create(ws.url() + "/?category=lighting&all=true&token=" + FEED.token()))) {
      String id = idOf(before);
      assertEquals(Set.of(Topic.category("lighting"), Topic.all()), FEED.admin().topics(id));

      JsonNode subscribed =
          reply(client, "{\"action\":\"subscribe\",\"categories\":[\" kitchen \",\"garden\"]}");
      assertEquals("subscribed", subscribed.get("type").asText());
      assertEquals("[\"kitchen\",\"garden\"]", subscribed.get("categories").toString());
      JsonNode unsubscribed = reply(client, "{\"action\":\"unsubscribe\",\"all\":true}");
      assertEquals("unsubscribed", unsubscribed.get("type").asText());
      assertEquals(
          Set.of(Topic.category("lighting"), Topic.category("kitchen"), Topic.category("garden")),
          FEED.admin().topics(id));

      assertProblem("unknown-action", reply(client, "{\"action\":\"publish\"}"));
      assertProblem("malformed-json", reply(client, "{\"action\":\"subscribe\","));
      assertProblem(
          "validation-failed", reply(client, "{\"action\":\"subscribe\",\"categories\":[1]}"));
      assertProblem(
          "payload-too-large",
          reply(
              client,
              "{\"action\":\"subscribe\",\"all\":true,\"pad\":\"" + "x".repeat(20_000) + "\"}"));
      assertEquals(3, FEED.admin().topics(id).size(), "no mistake changed the subscriptions");
    }
  }

  @Test
  void aConnectionWhoseQueryIsNotASubscriptionIsRefusedWith400AndClosingOneRemovesIt()
      throws Exception {
    CompletionException refused =
        assertThrows(
            CompletionException.class,
            () ->
                WebSocketClient.open(URI.create(ws.url() + "/?colour=red&token=" + FEED.token())));
    assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
    assertEquals(
        400, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

    Set<String> before = new HashSet<>(ws.connections().ids());
    String id;
    try (WebSocketClient client =
        WebSocketClient.open(URI.create(ws.url() + "/?category=garden&token=" + FEED.token()))) {
      id = idOf(before);
      assertEquals(Set.of(Topic.category("garden")), FEED.admin().topics(id));
    }
    for (int i = 0; i < 1000 && FEED.admin().connection(id) != null; i++) {
      Thread.sleep(10);
    }
    assertEquals(null, FEED.admin().connection(id), "$disconnect removed the connection's items");
  }

  @Test
  void aSubscribeSentInABinaryFrameGetsNoReplyAndItsConnectionIsClosedWith1003SayingWhy()
      throws Exception {
    Set<String> before = new HashSet<>(ws.connections().ids());
    try (WebSocketClient client =
        WebSocketClient.open(URI.create(ws.url() + "/?token=" + FEED.token()))) {
      String id = idOf(before);
      client.sendBinary("{\"action\":\"subscribe\",\"all\":true}".getBytes(StandardCharsets.UTF_8));

      assertEquals(1003, client.closed().get(WAIT.toSeconds(), TimeUnit.SECONDS));
      assertEquals("Binary frames are not supported: send text frames", client.closeReason());
      assertEquals(
          null,
          client.next(Duration.ofMillis(200)),
          "no reply, least of all one calling it unknown");
      for (int i = 0; i < 1000 && FEED.admin().connection(id) != null; i++) {
        Thread.sleep(10);
      }
      assertEquals(null, FEED.admin().connection(id), "$disconnect removed the connection");
    }
  }

  static void assertProblem(String slug, JsonNode reply) {
    assertEquals("error", reply.path("type").asText(), reply.toString());
    assertEquals(
        "urn:products-api:problem:" + slug,
        reply.path("problem").path("type").asText(),
        reply.toString());
  }
}

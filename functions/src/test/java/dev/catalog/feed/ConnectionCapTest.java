package dev.catalog.feed;

import static dev.catalog.feed.FeedReplies.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.events.websocket.LocalWebSocketApi;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.WebSocketClient;
import dev.catalog.testing.WebSocketEvents;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cap on one principal's open feed connections ({@code MaxConnectionsPerPrincipal}, 10 by default): over real
 * WebSockets through the local WebSocket API, each {@code $connect} the real function on DynamoDB Local under its
 * policy; and in-process where time has to pass.
 */
class ConnectionCapTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final List<WebSocketClient> OPEN = new ArrayList<>();
  static LocalWebSocketApi ws;

  @BeforeAll
  static void start() {
    ws = FEED.webSocketApi();
  }

  @AfterEach
  void closeClients() {
    synchronized (OPEN) {
      OPEN.forEach(WebSocketClient::close);
      OPEN.clear();
    }
  }

  @AfterAll
  static void stop() {
    ws.close();
    FEED.close();
  }

  static int max() {
    return FEED.maxConnectionsPerPrincipal();
  }

  /** What {@code count} concurrent handshakes with {@code token} gave: the clients opened, the statuses refused. */
  record Outcome(List<WebSocketClient> opened, List<Integer> refused) {}

  static Outcome connectConcurrently(String token, int count) throws InterruptedException {
    List<CompletableFuture<WebSocketClient>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pending.add(WebSocketClient.connect(url(token)));
    }
    List<WebSocketClient> opened = new ArrayList<>();
    List<Integer> refused = new ArrayList<>();
    for (CompletableFuture<WebSocketClient> handshake : pending) {
      try {
        WebSocketClient client = handshake.get(30, TimeUnit.SECONDS);
        opened.add(client);
        synchronized (OPEN) {
          OPEN.add(client);
        }
      } catch (ExecutionException failed) {
        WebSocketHandshakeException refusal =
            assertInstanceOf(WebSocketHandshakeException.class, failed.getCause());
        refused.add(refusal.getResponse().statusCode());
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("a handshake got no answer", e);
      }
    }
    return new Outcome(opened, refused);
  }

  static URI url(String token) {
    return URI.create(ws.url() + "/?all=true&token=" + token);
  }

  /** The principal a token names: its {@code sub}, as the authorizer returns it. */
  static String principal(String token) {
    try {
      byte[] claims = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
      return MAPPER.readTree(new String(claims, StandardCharsets.UTF_8)).path("sub").asText();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The connections the principal's bookkeeping item holds, with the epoch second each ends at the latest. */
  static Map<String, AttributeValue> slots(String principal) {
    Map<String, AttributeValue> item =
        DYNAMO
            .client()
            .getItem(
                r ->
                    r.tableName(DYNAMO.tableName("ConnectionsTable"))
                        .key(
                            Map.of(
                                "connectionId", AttributeValue.fromS("principal#" + principal),
                                "entry", AttributeValue.fromS("slots")))
                        .consistentRead(true))
            .item();
    return item == null || !item.containsKey("slots") ? Map.of() : item.get("slots").m();
  }

  static void awaitSlots(String principal, int count) throws InterruptedException {
    for (int i = 0; i < 1000 && slots(principal).size() != count; i++) {
      Thread.sleep(10);
    }
    assertEquals(count, slots(principal).size(), "the principal's open connections");
  }

  @Test
  void thirtyConcurrentConnectsOfOnePrincipalOpenExactlyTheCapAndTheOthersAreRefusedWith429()
      throws Exception {
    String token = FEED.token("burst-" + UUID.randomUUID());

    Outcome outcome = connectConcurrently(token, 30);

    assertEquals(max(), outcome.opened().size(), "connections opened");
    assertEquals(30 - max(), outcome.refused().size());
    assertTrue(outcome.refused().stream().allMatch(status -> status == 429), outcome.toString());
    assertEquals(max(), slots(principal(token)).size());
    assertEquals(
        max(),
        ws.connections().ids().stream().filter(id -> FEED.admin().connection(id) != null).count(),
        "only the connections let through were recorded");
  }

  @Test
  void aSlotComesBackWhenOneOfThePrincipalsConnectionsCloses() throws Exception {
    String token = FEED.token("closer-" + UUID.randomUUID());
    Outcome full = connectConcurrently(token, max());
    assertEquals(max(), full.opened().size());
    assertEquals(List.of(429), connectConcurrently(token, 1).refused());

    full.opened().getFirst().close();
    awaitSlots(principal(token), max() - 1);

    assertEquals(1, connectConcurrently(token, 1).opened().size(), "the slot came back");
    assertEquals(List.of(429), connectConcurrently(token, 1).refused(), "and only that one");
  }

  @Test
  void anotherPrincipalConnectsWhileOneHoldsAllItsSlots() throws Exception {
    String first = FEED.token("first-" + UUID.randomUUID());
    String second = FEED.token("second-" + UUID.randomUUID());
    assertEquals(max(), connectConcurrently(first, max()).opened().size());
    assertEquals(List.of(429), connectConcurrently(first, 1).refused());

    Outcome other = connectConcurrently(second, 3);

    assertEquals(3, other.opened().size());
    assertEquals(List.of(), other.refused());
  }

  @Test
  void theRefusedConnectIsAnswered429WithAProblemNamingTheLimitAndRecordsNothing() {
    String principal = "sub-" + UUID.randomUUID();
    Instant now = Instant.now();
    for (int i = 0; i < max(); i++) {
      assertEquals(
          200,
          WebSocketEvents.connect(connectionId(), now)
              .principal(principal)
              .invoke(FEED.connect())
              .statusCode());
    }
    String refused = connectionId();
    var reply =
        WebSocketEvents.connect(refused, now, "category", "garden")
            .principal(principal)
            .invoke(FEED.connect());

    var problem = assertError(429, "too-many-connections", reply);
    assertTrue(
        problem.path("detail").asText().contains("at most " + max() + " open feed connections"),
        problem.toString());
    assertEquals(null, FEED.admin().connection(refused));
    assertEquals(Set.of(), FEED.admin().topics(refused));
  }

  @Test
  void aSlotWhoseConnectionVanishedWithoutADisconnectComesBackWhenItsLifeHasEnded() {
    String principal = "sub-" + UUID.randomUUID();
    Instant opened = Instant.now();
    Clock then = Clock.fixed(opened, ZoneOffset.UTC);
    for (int i = 0; i < max(); i++) {
      assertEquals(
          200,
          WebSocketEvents.connect(connectionId(), opened)
              .principal(principal)
              .invoke(FEED.connect(then))
              .statusCode());
    }
    assertEquals(
        429,
        WebSocketEvents.connect(connectionId(), opened.plusSeconds(60))
            .principal(principal)
            .invoke(FEED.connect(Clock.fixed(opened.plusSeconds(60), ZoneOffset.UTC)))
            .statusCode());

    // None of them sent $disconnect; two hours later API Gateway has closed them all.
    Instant later = opened.plus(Duration.ofHours(2)).plusSeconds(1);
    String next = connectionId();
    var reply =
        WebSocketEvents.connect(next, later)
            .principal(principal)
            .invoke(FEED.connect(Clock.fixed(later, ZoneOffset.UTC)));

    assertEquals(200, reply.statusCode(), reply.body());
    assertEquals(Set.of(next), slots(principal).keySet(), "the expired entries were dropped");
    assertNotNull(FEED.admin().connection(next));
  }

  @Test
  void aDisconnectWhoseConnectionItemsAreAlreadyGoneStillGivesTheSlotBack() {
    String principal = "sub-" + UUID.randomUUID();
    String id = connectionId();
    WebSocketEvents.connect(id, Instant.now()).principal(principal).invoke(FEED.connect());
    assertEquals(1, slots(principal).size());
    // The fan-out removed the connection after a 410 before its $disconnect came.
    FEED.admin().remove(id);

    var reply =
        WebSocketEvents.disconnect(id, Instant.now())
            .principal(principal)
            .invoke(FEED.disconnect());

    assertEquals(200, reply.statusCode());
    assertEquals(Map.of(), slots(principal));
  }

  static String connectionId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "=";
  }
}

package dev.catalog.feed.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.feed.FeedFunctions;
import dev.catalog.feed.connections.Topic;
import dev.catalog.feed.fanout.ConnectionsApi;
import dev.catalog.local.events.websocket.LocalWebSocketApi;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.WebSocketClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The sweep as Lambda runs it on its schedule (its identity and policy, its event file), against the local WebSocket
 * API: a connection whose token expired is closed and its items removed, one already gone is removed, and a
 * connection whose token is valid is left alone.
 */
class FeedSweepHandlerTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);
  static final ObjectMapper MAPPER = new ObjectMapper();
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

  /** The function with its template identity, on the local management API. */
  static FeedSweepHandler sweep() {
    return new FeedSweepHandler(
        new Sweep(
            FEED.store("FeedSweepFunction"),
            new ConnectionsApi(
                ConnectionsApi.client(
                    ws.connectionsEndpoint().toString(),
                    "us-east-1",
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("FeedSweepFunction", "local"))))));
  }

  /** Runs the sweep with its event file; the one line it wrote. */
  static JsonNode run() throws Exception {
    try (CapturedOutput output = CapturedOutput.start()) {
      sweep()
          .handleRequest(
              new ByteArrayInputStream(
                  Files.readAllBytes(Path.of("events", "FeedSweepFunction.json"))),
              new ByteArrayOutputStream(),
              null);
      List<String> lines =
          output.lines().stream().filter(line -> line.contains("expired-connections")).toList();
      assertEquals(1, lines.size(), output::text);
      return MAPPER.readTree(lines.get(0));
    }
  }

  static String open(WebSocketClient[] client, String token) throws InterruptedException {
    Set<String> before = new HashSet<>(ws.connections().ids());
    client[0] = WebSocketClient.open(URI.create(ws.url() + "/?all=true&token=" + token));
    return ws.connections()
        .awaitNew(before, Duration.ofSeconds(5))
        .orElseThrow(() -> new AssertionError("no connection registered"));
  }

  @Test
  void aConnectionWhoseTokenExpiredIsClosedAndRemovedAndOneWithAValidTokenIsLeftAlone()
      throws Exception {
    WebSocketClient[] expiring = new WebSocketClient[1];
    WebSocketClient[] lasting = new WebSocketClient[1];
    String shortLived = FEED.token(Duration.ofSeconds(2));
    String expired = open(expiring, shortLived);
    String valid = open(lasting, FEED.token());
    // Recorded, but API Gateway no longer has it (its $disconnect never ran), and its token
    // expired.
    String vanished = "vanished-" + UUID.randomUUID().toString().substring(0, 8) + "=";
    FEED.admin()
        .open(
            vanished, "u", Instant.now(), Instant.now().getEpochSecond() - 1, List.of(Topic.all()));
    try {
      long ends = FEED.admin().connection(expired).getExpiresAt();
      assertEquals(
          MAPPER
              .readTree(java.util.Base64.getUrlDecoder().decode(shortLived.split("\\.")[1]))
              .path("exp")
              .asLong(),
          ends,
          "the connection ends when its token expires");
      while (Instant.now().getEpochSecond() < ends) {
        Thread.sleep(50);
      }

      JsonNode line = run();

      assertEquals(200, line.path("status").asInt(), line::toString);
      assertEquals(1, line.path("ConnectionsClosed").asInt(), line::toString);
      assertEquals(1, line.path("ConnectionsGone").asInt(), line::toString);
      Integer code = expiring[0].closed().get(10, TimeUnit.SECONDS);
      assertNotNull(code, "the server closed the expired connection");
      assertNull(FEED.admin().connection(expired), "its items are removed");
      assertTrue(FEED.admin().topics(expired).isEmpty());
      assertNull(FEED.admin().connection(vanished));
      assertTrue(FEED.admin().topics(vanished).isEmpty());
      assertFalse(lasting[0].closed().isDone(), "a connection with a valid token stays open");
      assertNotNull(FEED.admin().connection(valid));
      assertEquals(Set.of(Topic.all()), FEED.admin().topics(valid));

      JsonNode again = run();
      assertEquals(200, again.path("status").asInt());
      assertFalse(again.has("ConnectionsClosed"), again::toString);
    } finally {
      lasting[0].close();
    }
  }
}

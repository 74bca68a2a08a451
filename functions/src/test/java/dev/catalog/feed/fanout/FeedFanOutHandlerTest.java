package dev.catalog.feed.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.feed.FeedFunctions;
import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.feed.connections.Topic;
import dev.catalog.local.events.websocket.LocalWebSocketApi;
import dev.catalog.products.Product;
import dev.catalog.products.ProductStore;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.TableStream;
import dev.catalog.testing.WebSocketClient;
import dev.catalog.testing.WebSocketEvents;
import dev.catalog.testing.faults.Fault;
import dev.catalog.testing.faults.FaultPlan;
import dev.catalog.testing.faults.FaultProxy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The fan-out function on what DynamoDB Local's stream really emits, posting through the SDK's management API client
 * to the local {@code @connections} API, which signs, authorises (the template's policy) and delivers to real
 * WebSocket clients, and answers 410 for a connection that is gone.
 */
class FeedFanOutHandlerTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(5);
  static final Duration QUIET = Duration.ofMillis(300);

  static final List<Client> CLIENTS = new java.util.ArrayList<>();
  static LocalWebSocketApi ws;
  static TableStream stream;
  static ProductStore products;

  @BeforeAll
  static void start() {
    ws = FEED.webSocketApi();
    products = new ProductStore(DYNAMO.client(), DYNAMO.tableName("ProductsTable"));
    // DynamoDB Local's stream of a new table answers a LATEST iterator with
    // TrimmedDataAccessException until it
    // holds a record.
    products.save(product("warm-up"));
  }

  @AfterAll
  static void stop() {
    ws.close();
    FEED.close();
  }

  /** Opens the products stream at its end: the next batch holds what the test writes from now on. */
  @BeforeEach
  void openStream() {
    stream = new TableStream(DYNAMO, "ProductsTable");
  }

  /** Each test's clients leave, so no subscription (to all products, say) reaches into the next test. */
  @AfterEach
  void closeStreamAndClients() {
    stream.close();
    for (Client client : CLIENTS) {
      client.socket().abort();
      FEED.admin().remove(client.connectionId());
    }
    CLIENTS.clear();
  }

  /** The function as Lambda runs it: its identity, its policy, its management endpoint. */
  static FeedFanOutHandler fanOut(String endpoint) {
    ConnectionStore store = FEED.store("FeedFanOutFunction");
    return new FeedFanOutHandler(
        new FanOut(
            store,
            new ConnectionsApi(
                ConnectionsApi.client(
                    endpoint,
                    "us-east-1",
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("FeedFanOutFunction", "local"))))));
  }

  static JsonNode run(FeedFanOutHandler handler, byte[] event) throws IOException {
    var out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, null);
    return MAPPER.readTree(out.toByteArray());
  }

  /** A client connected to the local API, which ran the template's $connect with this query. */
  record Client(WebSocketClient socket, String connectionId) {}

  static Client connect(String... query) throws InterruptedException {
    return connectWith(FEED.token(), query);
  }

  /** As {@link #connect}, with {@code token}. */
  static Client connectWith(String token, String... query) throws InterruptedException {
    Set<String> before = new HashSet<>(ws.connections().ids());
    StringBuilder url = new StringBuilder(ws.url() + "/?token=" + token);
    for (int i = 0; i < query.length; i += 2) {
      url.append('&')
          .append(query[i])
          .append('=')
          .append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
    }
    WebSocketClient socket = WebSocketClient.open(URI.create(url.toString()));
    String id = ws.connections().awaitNew(before, Duration.ofSeconds(5)).orElse(null);
    assertTrue(id != null, "the local API registered the connection");
    assertTrue(FEED.admin().connection(id) != null, "$connect recorded it");
    Client client = new Client(socket, id);
    CLIENTS.add(client);
    return client;
  }

  static Product product(String category) {
    Product product = new Product();
    product.setId("p-" + UUID.randomUUID());
    product.setName("Desk lamp");
    product.setPrice(new BigDecimal("39.90"));
    product.setCategory(category);
    product.setCreatedAt(Instant.parse("2026-11-28T21:00:00.123Z"));
    product.setUpdatedAt(product.getCreatedAt());
    return product.applyDefaults();
  }

  static String category() {
    return "cat-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aChangeReachesEveryConnectionSubscribedToItsCategoryOrToAllOnceEachAndNoOther()
      throws Exception {
    String lighting = category();
    Client a = connect("category", lighting);
    Client both = connect("category", lighting, "all", "true");
    Client other = connect("category", category());
    Product lamp = product(lighting);
    products.save(lamp);

    assertEquals(
        "{\"batchItemFailures\":[]}",
        run(fanOut(ws.connectionsEndpoint().toString()), stream.next()).toString());

    JsonNode message = MAPPER.readTree(a.socket().next(WAIT));
    assertEquals("created", message.get("type").asText());
    assertEquals(lamp.getId(), message.get("id").asText());
    assertEquals(1, message.get("version").asInt());
    assertEquals(lighting, message.get("category").asText());
    assertEquals("Desk lamp", message.path("product").path("name").asText());
    assertEquals(39.9, message.path("product").path("price").asDouble());
    assertTrue(
        message.hasNonNull("eventId") && message.hasNonNull("occurredAt"), message.toString());
    assertEquals(message, MAPPER.readTree(both.socket().next(WAIT)));
    assertNull(
        both.socket().next(QUIET), "a connection subscribed twice over receives the change once");
    assertNull(other.socket().next(QUIET));
  }

  @Test
  void aConnectionWhoseTokenExpiredReceivesNothingMoreThoughItsSocketIsStillOpen()
      throws Exception {
    String kitchen = category();
    Client expiring = connectWith(FEED.token(Duration.ofSeconds(4)), "category", kitchen);
    Client lasting = connect("category", kitchen);
    long ends = FEED.admin().connection(expiring.connectionId()).getExpiresAt();
    assertTrue(
        ends <= Instant.now().getEpochSecond() + 4,
        "the connection ends with its token, not two hours after it opened");
    assertEquals(
        Set.of(ends),
        Set.copyOf(
            FEED.admin().subscriptions(Topic.category(kitchen)).stream()
                .filter(s -> s.connectionId().equals(expiring.connectionId()))
                .map(ConnectionStore.Subscriber::expiresAt)
                .toList()),
        "its subscriptions end with it");
    FeedFanOutHandler handler = fanOut(ws.connectionsEndpoint().toString());
    products.save(product(kitchen));
    run(handler, stream.next());
    assertEquals("created", MAPPER.readTree(expiring.socket().next(WAIT)).get("type").asText());
    assertEquals("created", MAPPER.readTree(lasting.socket().next(WAIT)).get("type").asText());

    while (Instant.now().getEpochSecond() < ends) {
      Thread.sleep(50);
    }
    products.save(product(kitchen));
    try (CapturedOutput output = CapturedOutput.start()) {
      assertEquals("{\"batchItemFailures\":[]}", run(handler, stream.next()).toString());
      assertEquals("created", MAPPER.readTree(lasting.socket().next(WAIT)).get("type").asText());
      assertNull(expiring.socket().next(QUIET), "nothing after the token's expiry");
      assertTrue(
          !expiring.socket().closed().isDone(), "its socket is open: only the sweep closes it");
      assertTrue(output.text().contains("\"FeedDeliveries\":1"), output::text);
    }
  }

  @Test
  void aProductMovedToAnotherCategoryReachesTheSubscribersOfBothOnceEach() throws Exception {
    String from = category();
    String to = category();
    Product lamp = product(from);
    products.save(lamp);
    stream.next();
    Client old = connect("category", from);
    Client fresh = connect("category", to);
    Client both = connect("category", from, "category", to);
    lamp.setCategory(to);
    products.save(lamp);

    run(fanOut(ws.connectionsEndpoint().toString()), stream.next());

    for (Client client : List.of(old, fresh, both)) {
      JsonNode message = MAPPER.readTree(client.socket().next(WAIT));
      assertEquals("updated", message.get("type").asText());
      assertEquals(to, message.get("category").asText());
      assertEquals(from, message.get("previousCategory").asText());
      assertNull(client.socket().next(QUIET));
    }
  }

  @Test
  void aConnectionThatIsGoneButStillRecordedIsRemovedOnTheNextFanOutAndTheBatchSucceeds()
      throws Exception {
    String garden = category();
    // A connection API Gateway no longer has, whose $disconnect never ran (it is best effort):
    // still recorded.
    String vanished = "vanished-" + UUID.randomUUID().toString().substring(0, 8) + "=";
    assertEquals(
        200,
        WebSocketEvents.connect(vanished, Instant.now(), "category", garden)
            .invoke(FEED.connect())
            .statusCode());
    Client alive = connect("category", garden);
    products.save(product(garden));

    JsonNode answer;
    List<String> lines;
    try (CapturedOutput output = CapturedOutput.start()) {
      answer = run(fanOut(ws.connectionsEndpoint().toString()), stream.next());
      lines = output.lines();
    }

    assertEquals("{\"batchItemFailures\":[]}", answer.toString());
    assertTrue(alive.socket().next(WAIT) != null);
    assertNull(FEED.admin().connection(vanished));
    assertEquals(Set.of(), FEED.admin().topics(vanished));
    // The fan-out's own line: System.out is the JVM's, so a line the local WebSocket API's
    // functions print on their
    // threads (the connection's $connect, under load) can land in the capture too.
    JsonNode line =
        MAPPER.readTree(
            lines.stream()
                .filter(
                    l ->
                        l.contains("\"message\":\"request\"")
                            && l.contains("\"route\":\"STREAM products\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError(lines)));
    assertEquals(1, line.get("ConnectionsGone").asInt(), line.toString());
    assertEquals(1, line.get("FeedDeliveries").asInt(), line.toString());
    assertEquals("STREAM products", line.get("route").asText());
  }

  @Test
  void whenPostsFailTheFirstUndeliveredRecordIsReportedAndTheRetryCarriesTheSameEventId()
      throws Exception {
    String first = category();
    String second = category();
    Client client = connect("category", second);
    products.save(product(first));
    Product lamp = product(second);
    products.save(lamp);
    lamp.setStock(7);
    products.save(lamp);
    byte[] batch = stream.next();
    JsonNode records = MAPPER.readTree(batch).get("Records");
    assertEquals(3, records.size());

    // Nothing listens on port 9: every post fails, after the client's retries.
    JsonNode failed = run(fanOut("http://127.0.0.1:9"), batch);
    assertEquals(
        records.get(1).path("dynamodb").path("SequenceNumber").asText(),
        failed.path("batchItemFailures").get(0).path("itemIdentifier").asText());
    assertEquals(
        1,
        failed.path("batchItemFailures").size(),
        "only the first record not processed is reported");

    // Lambda retries from the reported record: the client receives both changes, in order, with
    // their event ids.
    ObjectNode retry = MAPPER.createObjectNode();
    retry.putArray("Records").add(records.get(1)).add(records.get(2));
    assertEquals(
        "{\"batchItemFailures\":[]}",
        run(fanOut(ws.connectionsEndpoint().toString()), MAPPER.writeValueAsBytes(retry))
            .toString());
    JsonNode created = MAPPER.readTree(client.socket().next(WAIT));
    JsonNode updated = MAPPER.readTree(client.socket().next(WAIT));
    assertEquals(
        List.of("created", "updated"),
        List.of(created.get("type").asText(), updated.get("type").asText()));
    assertEquals(records.get(1).get("eventID").asText(), created.get("eventId").asText());
    assertEquals(records.get(2).get("eventID").asText(), updated.get("eventId").asText());
  }

  @Test
  void aRecordThatIsNotAChangeIsReportedAndTheRecordsBeforeItAreDelivered() throws Exception {
    String lighting = category();
    Client client = connect("category", lighting);
    Product lamp = product(lighting);
    products.save(lamp);
    lamp.setStock(3);
    products.save(lamp);
    JsonNode records = MAPPER.readTree(stream.next()).get("Records");
    ObjectNode poison = records.get(1).deepCopy();
    ((ObjectNode) poison.get("dynamodb")).remove("NewImage");
    ObjectNode batch = MAPPER.createObjectNode();
    batch.putArray("Records").add(records.get(0)).add(poison);

    JsonNode answer =
        run(fanOut(ws.connectionsEndpoint().toString()), MAPPER.writeValueAsBytes(batch));

    assertEquals(
        poison.path("dynamodb").path("SequenceNumber").asText(),
        answer.path("batchItemFailures").get(0).path("itemIdentifier").asText());
    assertEquals("created", MAPPER.readTree(client.socket().next(WAIT)).get("type").asText());
    assertNull(client.socket().next(QUIET));
  }

  @Test
  void throttlingByTheManagementApiIsRetriedWithBackOffAndTheChangeIsDeliveredOnce()
      throws Exception {
    String lighting = category();
    Client client = connect("category", lighting);
    products.save(product(lighting));
    try (FaultProxy proxy = FaultProxy.start(ws.connectionsEndpoint())) {
      proxy.plan(FaultPlan.first(Set.of(""), 2, Fault.RestError.LIMIT_EXCEEDED));

      assertEquals(
          "{\"batchItemFailures\":[]}",
          run(fanOut(proxy.url().toString()), stream.next()).toString());

      assertEquals(2, proxy.injected());
      assertEquals(3, proxy.calls(""), "two throttled attempts, then the one that delivered");
    }
    assertEquals("created", MAPPER.readTree(client.socket().next(WAIT)).get("type").asText());
    assertNull(client.socket().next(QUIET));
  }

  @Test
  void throttlingThatOutlastsTheRetriesDefersTheChangeWhichIsDeliveredWhenRetried()
      throws Exception {
    String lighting = category();
    Client client = connect("category", lighting);
    products.save(product(lighting));
    byte[] batch = stream.next();
    try (FaultProxy proxy = FaultProxy.start(ws.connectionsEndpoint())) {
      proxy.plan(FaultPlan.always("", Fault.RestError.LIMIT_EXCEEDED));
      JsonNode answer = run(fanOut(proxy.url().toString()), batch);
      assertEquals(1, answer.path("batchItemFailures").size(), answer.toString());
      assertEquals(ConnectionsApi.ATTEMPTS, proxy.calls(""));
    }
    assertNull(client.socket().next(QUIET), "nothing was delivered");
    assertEquals(
        "{\"batchItemFailures\":[]}",
        run(fanOut(ws.connectionsEndpoint().toString()), batch).toString());
    assertEquals("created", MAPPER.readTree(client.socket().next(WAIT)).get("type").asText());
  }
}

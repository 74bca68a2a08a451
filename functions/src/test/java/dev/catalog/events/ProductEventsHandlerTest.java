package dev.catalog.events;

import static dev.catalog.events.SnsTarget.Subscriber.EVERYTHING;
import static dev.catalog.events.SnsTarget.Subscriber.LIGHTING;
import static dev.catalog.events.SnsTarget.Subscriber.LOW_STOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.events.SnsTarget.Notification;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.telemetry.EmfSpec;
import dev.catalog.products.Product;
import dev.catalog.products.ProductJson;
import dev.catalog.products.ProductStore;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.InvocationContext;
import dev.catalog.testing.SnsFaults;
import dev.catalog.testing.TableStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * ProductEventsFunction fed what DynamoDB Local's stream emits for products written through {@link ProductStore}, each
 * case run against two implementations of SNS ({@link SnsTarget}): the local SNS endpoint the test extension serves
 * (the template's topic, under the function's own identity and policy), always; and moto's server, a second
 * implementation nobody here wrote, whose queues subscribed with filter policies show what subscribers receive, when
 * moto is installed (else those cases are skipped, saying how to install it; under CI they fail). A fault-injecting
 * endpoint in front of either ({@link SnsFaults}) plays SNS under load.
 */
class ProductEventsHandlerTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final int THRESHOLD = 5;
  static SnsTarget.Local local;
  static final SnsTarget.Moto MOTO = new SnsTarget.Moto();
  static ProductStore store;
  static TableStream stream;

  @BeforeAll
  static void start() {
    local = new SnsTarget.Local(DYNAMO);
    store = new ProductStore(DYNAMO.client(), DYNAMO.tableName("ProductsTable"));
    stream = new TableStream(DYNAMO, "ProductsTable");
  }

  @AfterAll
  static void stop() {
    stream.close();
    local.stop();
    MOTO.stop();
  }

  @BeforeEach
  void readTheStreamSoFar() {
    stream.next();
  }

  /** Every case runs on both: the local endpoint, and moto (skipped without it). */
  static Stream<SnsTarget> targets() {
    return Stream.of(local, MOTO);
  }

  /** The target, started (moto: skips the test when it is not installed), with no faults and nothing received. */
  static SnsTarget ready(SnsTarget target) {
    if (target instanceof SnsTarget.Moto moto) {
      moto.started();
    }
    target.reset();
    retries = 0;
    return target;
  }

  /** PublishRetries of the invocations since {@link #ready}. */
  static int retries;

  /** The RFC 3339 form, with milliseconds, of every log line's timestamp. */
  static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

  /**
   * One invocation: the function's response, the JSON lines it wrote, its {@code stream batch} line among them, and
   * the request id Lambda gave it.
   */
  record Invocation(JsonNode response, List<JsonNode> lines, JsonNode batch, String requestId) {
    List<String> failures() {
      return ProductEventsHandlerTest.failures(response);
    }

    /** The lines of {@code level} but the batch line. */
    List<JsonNode> logged(String level) {
      return lines.stream()
          .filter(line -> line != batch && level.equals(line.path("level").asText()))
          .toList();
    }
  }

  static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(json, e);
    }
  }

  static Invocation invoke(SnsTarget target, byte[] event) throws IOException {
    return invoke(target.handler(), event, 25_000);
  }

  /**
   * Invokes {@code handler} as Lambda does, with a fresh request id and {@code remainingMillis} left; every line it
   * writes must carry that request id and a timestamp of the one form.
   */
  static Invocation invoke(ProductEventsHandler handler, byte[] event, int remainingMillis)
      throws IOException {
    InvocationContext context = InvocationContext.of("ProductEventsFunction", remainingMillis);
    var out = new ByteArrayOutputStream();
    List<JsonNode> lines;
    try (CapturedOutput output = CapturedOutput.start()) {
      handler.handleRequest(new ByteArrayInputStream(event), out, context);
      lines =
          output.lines().stream()
              .filter(line -> line.startsWith("{"))
              .map(ProductEventsHandlerTest::read)
              .toList();
    }
    List<JsonNode> batches =
        lines.stream()
            .filter(line -> "stream batch".equals(line.path("message").asText()))
            .toList();
    assertEquals(1, batches.size(), lines::toString);
    for (JsonNode line : lines) {
      assertEquals(context.awsRequestId(), line.path("requestId").asText(null), line::toString);
      assertTrue(TIMESTAMP.matcher(line.path("timestamp").asText()).matches(), line::toString);
    }
    retries += batches.get(0).get("PublishRetries").asInt();
    return new Invocation(read(out.toString()), lines, batches.get(0), context.awsRequestId());
  }

  static Product product(String category, int stock) {
    Product product = new Product();
    product.setId("p-" + UUID.randomUUID());
    product.setName("Desk lamp");
    product.setPrice(new BigDecimal("19.90"));
    product.setCategory(category);
    product.setStock(stock);
    product.setCreatedAt(Instant.parse("2026-11-24T10:15:30.123Z"));
    product.setUpdatedAt(product.getCreatedAt());
    return product.applyDefaults();
  }

  /**
   * What {@code subscriber} received since the last call, each event once: SNS delivers at least once, and a publish
   * whose answer was lost (an attempt that timed out on a slow machine, a cold client's first connection) is sent
   * again under the same {@code eventId}, by which subscribers drop the repeat.
   */
  static List<Notification> received(SnsTarget sns, SnsTarget.Subscriber subscriber) {
    Set<String> seen = new HashSet<>();
    List<Notification> all = sns.received(subscriber);
    List<Notification> once = all.stream().filter(n -> seen.add(n.attribute("eventId"))).toList();
    assertTrue(
        all.size() - once.size() <= retries,
        () ->
            "every repeat follows a publish retry counted in"
                + " PublishRetries ("
                + retries
                + "): "
                + types(all));
    return once;
  }

  static List<String> types(List<Notification> notifications) {
    return notifications.stream().map(n -> n.attribute("eventType")).toList();
  }

  static List<String> noFailures() {
    return List.of();
  }

  static List<String> failures(Invocation invocation) {
    return invocation.failures();
  }

  static List<String> failures(JsonNode response) {
    List<String> failed = new ArrayList<>();
    response.get("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").asText()));
    return failed;
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("targets")
  void eachChangeIsPublishedWithItsAttributesAndTheChangeAsBody(SnsTarget target)
      throws IOException {
    SnsTarget sns = ready(target);
    Product product = product("lighting", 12);
    store.save(product);
    JsonNode created = read(ProductJson.write(store.find(product.getId()).orElseThrow()));
    product.setCategory("office");
    product.setStock(8);
    store.save(product);
    store.delete(product.getId(), null);

    assertEquals(noFailures(), failures(invoke(sns, stream.next())));
    List<Notification> all = received(sns, EVERYTHING);
    assertEquals(List.of("created", "updated", "deleted"), types(all));
    for (Notification notification : all) {
      JsonNode body = notification.body();
      assertEquals(notification.attribute("eventType"), body.get("type").asText());
      assertEquals(body.get("eventId").asText(), notification.attribute("eventId"));
      assertEquals(product.getId(), notification.attribute("productId"));
      assertEquals(body.get("category").asText(), notification.attribute("category"));
      assertEquals("String", notification.type("eventType"));
      assertNull(notification.subject());
    }
    JsonNode create = all.get(0).body();
    assertEquals(created, create.get("product"));
    assertEquals("lighting", all.get(0).attribute("category"));
    assertEquals("12", all.get(0).attribute("stock"));
    assertEquals("Number", all.get(0).type("stock"));
    assertNull(all.get(0).attribute("previousCategory"));

    JsonNode update = all.get(1).body();
    assertEquals("office", update.get("category").asText());
    assertEquals("lighting", update.get("previousCategory").asText());
    assertEquals("lighting", all.get(1).attribute("previousCategory"));
    assertEquals(2, update.get("version").asInt());

    JsonNode delete = all.get(2).body();
    assertFalse(delete.has("product"));
    assertEquals("office", all.get(2).attribute("category"));
    assertNull(all.get(2).attribute("stock"));
    assertEquals(3, all.stream().map(n -> n.attribute("eventId")).distinct().count());

    // A subscriber of the category: the lighting one gets the create only, the change made in
    // lighting.
    assertEquals(List.of("created"), types(received(sns, LIGHTING)));
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("targets")
  void lowStockIsPublishedOnceEachTimeTheStockCrossesBelowTheThreshold(SnsTarget target)
      throws IOException {
    SnsTarget sns = ready(target);
    Product product = product("kitchen", 10);
    store.save(product);
    for (int stock :
        new int[] {4, 2, 0, 7, 5, 3}) { // crosses at 4 and again at 3, after a restock to 7
      product.setStock(stock);
      store.save(product);
    }
    Product lowFromTheStart = product("kitchen", 1);
    store.save(lowFromTheStart);
    store.delete(lowFromTheStart.getId(), null);

    assertEquals(noFailures(), failures(invoke(sns, stream.next())));
    List<Notification> lows = received(sns, LOW_STOCK);
    assertEquals(List.of("4", "3", "1"), lows.stream().map(n -> n.attribute("stock")).toList());
    assertEquals(List.of("low-stock", "low-stock", "low-stock"), types(lows));
    List<Notification> all = received(sns, EVERYTHING);
    assertEquals(12, all.size(), "9 changes and 3 low-stock events");
    for (Notification low : lows) {
      JsonNode body = low.body();
      assertEquals("low-stock", body.get("type").asText());
      assertEquals(THRESHOLD, body.get("threshold").asInt());
      assertEquals(body.get("stock").asInt(), body.get("product").get("stock").asInt());
      assertEquals("Low stock: " + body.get("id").asText(), low.subject());
      String changeId = body.get("eventId").asText().replace(":low-stock", "");
      assertTrue(
          all.stream()
              .anyMatch(
                  n ->
                      changeId.equals(n.attribute("eventId"))
                          && !"low-stock".equals(n.attribute("eventType"))),
          "the low-stock event's id is its change's + :low-stock");
    }
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("targets")
  void aRecordThatCannotBeReadIsReportedAloneAndNoRecordAfterItIsPublished(SnsTarget target)
      throws IOException {
    SnsTarget sns = ready(target);
    Product before = product("garden", 9);
    store.save(before);
    Map<String, AttributeValue> poison =
        new java.util.HashMap<>(
            Map.of(
                "id",
                AttributeValue.fromS("poison-" + UUID.randomUUID()),
                "name",
                AttributeValue.fromS("Broken"),
                "price",
                AttributeValue.fromN("1"),
                "currency",
                AttributeValue.fromS("USD"),
                "category",
                AttributeValue.fromS("garden"),
                "version",
                AttributeValue.fromN("1"),
                "createdAt",
                AttributeValue.fromS("not a time"),
                "updatedAt",
                AttributeValue.fromS("not a time")));
    DYNAMO.client().putItem(r -> r.tableName(DYNAMO.tableName("ProductsTable")).item(poison));
    Product after = product("garden", 9);
    store.save(after);
    byte[] event = stream.next();
    String poisonSequenceNumber =
        read(new String(event, StandardCharsets.UTF_8))
            .get("Records")
            .get(1)
            .get("dynamodb")
            .get("SequenceNumber")
            .asText();

    Invocation invocation = invoke(sns, event);
    assertEquals(List.of(poisonSequenceNumber), invocation.failures());
    List<Notification> all = received(sns, EVERYTHING);
    assertEquals(List.of(before.getId()), all.stream().map(n -> n.attribute("productId")).toList());
    JsonNode line = invocation.batch();
    assertEquals("ERROR", line.get("level").asText());
    assertEquals(poisonSequenceNumber, line.get("failedSequenceNumber").asText());
    assertEquals(1, line.get("RecordsFailed").asInt());
    JsonNode unreadable = invocation.logged("ERROR").getFirst();
    assertTrue(
        unreadable.get("message").asText().startsWith("Record " + poisonSequenceNumber),
        unreadable::toString);
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("targets")
  void throttlingDelaysEventsButLosesNoneAndEveryAttemptAfterAnEventsFirstIsARetry(SnsTarget target)
      throws IOException {
    SnsTarget sns = ready(target);
    Product product = product("lighting", 9);
    store.save(product);
    product.setStock(2);
    store.save(product);
    sns.faults()
        .throttle(5); // more than the SDK's own three attempts: the handler's retries carry on

    Invocation invocation = invoke(sns, stream.next());
    assertEquals(noFailures(), invocation.failures());
    assertEquals(5, sns.faults().throttled());
    assertEquals(List.of("created", "updated", "low-stock"), types(received(sns, EVERYTHING)));
    // Three events; every attempt after each one's first is a retry: the SDK's three, and the
    // handler's after them.
    int attempts = sns.faults().throttled() + sns.faults().forwardedPublishes();
    assertEquals(
        attempts - 3,
        invocation.batch().get("PublishRetries").asInt(),
        invocation.batch()::toString);
    assertEquals(3, invocation.batch().get("EventsPublished").asInt());
    List<JsonNode> warnings = invocation.logged("WARN");
    assertFalse(warnings.isEmpty(), "the handler's own retry is logged");
    assertTrue(
        warnings.stream().allMatch(w -> w.get("message").asText().startsWith("Publish of event ")),
        warnings::toString);
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("targets")
  void aPublishWhoseAnswerIsLostIsSentAgainUnderTheSameEventIdAndCountedAsARetry(SnsTarget target)
      throws IOException {
    SnsTarget sns = ready(target);
    Product product = product("garden", 9);
    store.save(product);
    // The first attempt reaches SNS, which publishes it, but its answer comes after the SDK's
    // attempt timeout (1 s),
    // as a cold client's first connection can: the SDK sends the publish again.
    sns.faults().answerLate(1, Duration.ofMillis(1500));

    Invocation invocation = invoke(sns, stream.next());
    assertEquals(noFailures(), invocation.failures());
    assertEquals(1, sns.faults().answeredLate());
    // Every attempt reached SNS and was published (two, unless a loaded machine made another answer
    // late too).
    int attempts = sns.faults().forwardedPublishes();
    assertTrue(attempts >= 2, "the SDK sent the publish again: " + attempts);
    List<Notification> all = sns.received(EVERYTHING);
    assertEquals(attempts, all.size(), () -> types(all).toString());
    assertEquals(Set.of("created"), Set.copyOf(types(all)));
    assertEquals(
        1, all.stream().map(n -> n.attribute("eventId")).distinct().count(), "one event, one id");
    assertEquals(
        attempts - 1,
        invocation.batch().get("PublishRetries").asInt(),
        invocation.batch()::toString);
    assertEquals(1, invocation.batch().get("EventsPublished").asInt());
    assertEquals(0, invocation.batch().get("PublishFailures").asInt());
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("targets")
  void
      whileSnsRefusesEverythingTheFirstRecordIsReportedAndItsRetryPublishesEachEventOnceUnderTheSameIds(
          SnsTarget target) throws IOException {
    SnsTarget sns = ready(target);
    Product first = product("lighting", 9);
    store.save(first);
    Product second = product("lighting", 9);
    store.save(second);
    byte[] event = stream.next();
    String firstSequenceNumber =
        read(new String(event, StandardCharsets.UTF_8))
            .get("Records")
            .get(0)
            .get("dynamodb")
            .get("SequenceNumber")
            .asText();
    ProductEventsHandler impatient;
    Environment.use(sns.environment());
    try {
      impatient =
          new ProductEventsHandler(
              new EventPublisher(
                  SnsClients.fromEnvironment(), Environment.require("PRODUCT_EVENTS_TOPIC_ARN")),
              new ProductEvents(THRESHOLD),
              Duration.ofSeconds(20));
    } finally {
      Environment.use(System.getenv());
    }
    sns.faults().throttle(Integer.MAX_VALUE);

    // 7 s left: 2 s to publish, 5 s kept to answer Lambda.
    Invocation refused = invoke(impatient, event, 7_000);
    assertEquals(List.of(firstSequenceNumber), refused.failures());
    assertEquals(List.of(), received(sns, EVERYTHING));
    assertEquals(sns.faults().throttled() - 1, refused.batch().get("PublishRetries").asInt());
    assertEquals(1, refused.batch().get("PublishFailures").asInt());
    assertTrue(
        refused
            .logged("WARN")
            .getLast()
            .get("message")
            .asText()
            .startsWith("Record " + firstSequenceNumber + " reported for retry"),
        refused.lines()::toString);

    sns.faults().throttle(0);
    // Lambda retries the batch from the reported record: here, the whole batch, twice (a second
    // delivery).
    assertEquals(noFailures(), failures(invoke(sns, event)));
    List<String> retried =
        received(sns, EVERYTHING).stream().map(n -> n.attribute("eventId")).toList();
    assertEquals(noFailures(), failures(invoke(sns, event)));
    List<String> redelivered =
        received(sns, EVERYTHING).stream().map(n -> n.attribute("eventId")).toList();
    assertEquals(2, retried.size(), retried::toString);
    assertEquals(retried, redelivered, "a redelivery keeps the event ids");
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("targets")
  void theEventFileGivesACreateAMoveWithLowStockAndADelete(SnsTarget target) throws IOException {
    SnsTarget sns = ready(target);
    assertEquals(
        noFailures(),
        failures(invoke(sns, Files.readAllBytes(Path.of("events", "ProductEventsFunction.json")))));
    List<Notification> all = received(sns, EVERYTHING);
    assertEquals(List.of("created", "updated", "low-stock", "deleted"), types(all));
    assertEquals("lighting", all.get(1).attribute("previousCategory"));
    assertEquals("c81e728d9d4c2f636f067f89cc14862c:low-stock", all.get(2).attribute("eventId"));
    assertEquals(List.of("created"), types(received(sns, LIGHTING)));
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("targets")
  void eachInvocationWritesOneLineWithItsMetricsInEmbeddedMetricFormat(SnsTarget target)
      throws IOException {
    SnsTarget sns = ready(target);
    Product product = product("lighting", 9);
    store.save(product);
    product.setStock(1);
    store.save(product);
    Invocation invocation = invoke(sns, stream.next());
    JsonNode line = invocation.batch();
    assertEquals(List.of(), EmfSpec.violations(line));
    assertEquals(invocation.requestId(), line.get("requestId").asText());
    assertEquals(2, line.get("Records").asInt());
    assertEquals(3, line.get("EventsPublished").asInt());
    assertEquals(1, line.get("LowStockEvents").asInt());
    assertEquals(0, line.get("PublishFailures").asInt());
    assertEquals(0, line.get("RecordsFailed").asInt());
    assertEquals("INFO", line.get("level").asText());
    assertEquals(List.of("created", "updated", "low-stock"), types(received(sns, EVERYTHING)));
  }
}

package dev.catalog.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.Environment;
import dev.catalog.http.telemetry.EmfSpec;
import dev.catalog.products.Product;
import dev.catalog.products.ProductJson;
import dev.catalog.products.ProductStore;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.MotoServer;
import dev.catalog.testing.SnsFaults;
import dev.catalog.testing.TableStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ProductEventsFunction against moto's SNS (a second implementation of the protocol), fed what DynamoDB Local's
 * stream emits for products written through {@link ProductStore}. Queues subscribed to the topic in moto, one with no
 * filter and others with filter policies, show what subscribers receive. A throttling endpoint in front of moto
 * ({@link SnsFaults}) plays SNS under load.
 */
class ProductEventsHandlerTest {
  @RegisterExtension
  static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final int THRESHOLD = 5;
  static MotoServer moto;
  static SnsFaults faults;
  static SnsClient sns;
  static SqsClient sqs;
  static String topicArn;
  static String everything;
  static String lowStock;
  static String lighting;
  static ProductStore store;
  static TableStream stream;
  static ProductEventsHandler handler;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    faults = SnsFaults.inFrontOf(moto.endpoint());
    sns = moto.sns();
    sqs = moto.sqs();
    topicArn = sns.createTopic(r -> r.name("product-events")).topicArn();
    everything = subscribedQueue("everything", null);
    lowStock = subscribedQueue("low-stock", "{\"eventType\":[\"low-stock\"]}");
    lighting = subscribedQueue("lighting", "{\"category\":[\"lighting\"]}");
    store = new ProductStore(DYNAMO.client(),
        DYNAMO.tableName("ProductsTable"));
    stream = new TableStream(DYNAMO, "ProductsTable");
    // As Lambda creates it: through the no-argument constructor, from the function's environment.
    Environment.use(Map.of("AWS_REGION", MotoServer.REGION, "AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", MotoServer.ACCESS_KEY, "SNS_ENDPOINT", faults.endpoint().toString(),
        "PRODUCT_EVENTS_TOPIC_ARN", topicArn, "LOW_STOCK_THRESHOLD", Integer.toString(THRESHOLD)));
    try {
      handler = new ProductEventsHandler();
    } finally {
      Environment.use(System.getenv());
    }
  }

  @AfterAll
  static void stop() {
    stream.close();
    sns.close();
    sqs.close();
    faults.close();
    moto.close();
  }

  @BeforeEach
  void drain() {
    faults.throttle(0);
    for (String queue : List.of(everything, lowStock, lighting)) {
      received(queue);
    }
    stream.next();
  }

  static String subscribedQueue(String name, String filterPolicy) {
    String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
    String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(arn)
        .attributes(filterPolicy == null ? Map.of() : Map.of("FilterPolicy", filterPolicy)));
    return url;
  }

  /** The SNS notifications the queue holds, in the order published; removes them. */
  static List<JsonNode> received(String queue) {
    List<JsonNode> notifications = new ArrayList<>();
    while (true) {
      List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
      if (messages.isEmpty()) {
        return notifications;
      }
      for (Message message : messages) {
        notifications.add(read(message.body()));
        sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
      }
    }
  }

  static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(json, e);
    }
  }

  static JsonNode invoke(byte[] event) throws IOException {
    var out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, null);
    return read(out.toString());
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

  static String attribute(JsonNode notification, String name) {
    JsonNode attribute = notification.path("MessageAttributes").path(name);
    return attribute.isMissingNode() ? null : attribute.get("Value").asText();
  }

  static JsonNode body(JsonNode notification) {
    return read(notification.get("Message").asText());
  }

  static List<String> types(List<JsonNode> notifications) {
    return notifications.stream().map(n -> attribute(n, "eventType")).toList();
  }

  static List<String> noFailures() {
    return List.of();
  }

  static List<String> failures(JsonNode response) {
    List<String> failed = new ArrayList<>();
    response.get("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").asText()));
    return failed;
  }

  @Test
  void eachChangeIsPublishedWithItsAttributesAndTheChangeAsBody() throws IOException {
    Product product = product("lighting", 12);
    store.save(product);
    JsonNode created = read(ProductJson.write(store.find(product.getId()).orElseThrow()));
    product.setCategory("office");
    product.setStock(8);
    store.save(product);
    store.delete(product.getId(), null);

    assertEquals(noFailures(), failures(invoke(stream.next())));
    List<JsonNode> all = received(everything);
    assertEquals(List.of("created", "updated", "deleted"), types(all));
    for (JsonNode notification : all) {
      JsonNode body = body(notification);
      assertEquals(attribute(notification, "eventType"), body.get("type").asText());
      assertEquals(body.get("eventId").asText(), attribute(notification, "eventId"));
      assertEquals(product.getId(), attribute(notification, "productId"));
      assertEquals(body.get("category").asText(), attribute(notification, "category"));
      assertEquals("String", notification.get("MessageAttributes").get("eventType").get("Type").asText());
    }
    JsonNode create = body(all.get(0));
    assertEquals(created, create.get("product"));
    assertEquals("lighting", attribute(all.get(0), "category"));
    assertEquals("12", attribute(all.get(0), "stock"));
    assertEquals("Number", all.get(0).get("MessageAttributes").get("stock").get("Type").asText());
    assertNull(attribute(all.get(0), "previousCategory"));

    JsonNode update = body(all.get(1));
    assertEquals("office", update.get("category").asText());
    assertEquals("lighting", update.get("previousCategory").asText());
    assertEquals("lighting", attribute(all.get(1), "previousCategory"));
    assertEquals(2, update.get("version").asInt());

    JsonNode delete = body(all.get(2));
    assertFalse(delete.has("product"));
    assertEquals("office", attribute(all.get(2), "category"));
    assertNull(attribute(all.get(2), "stock"));
    assertEquals(3, all.stream().map(n -> attribute(n, "eventId")).distinct().count());

    // A filter policy on the category: the lighting queue got the create only, the change made in lighting.
    assertEquals(List.of("created"), types(received(lighting)));
  }

  @Test
  void lowStockIsPublishedOnceEachTimeTheStockCrossesBelowTheThreshold() throws IOException {
    Product product = product("kitchen", 10);
    store.save(product);
    for (int stock : new int[] {4, 2, 0, 7, 5, 3}) { // crosses at 4 and again at 3, after a restock to 7
      product.setStock(stock);
      store.save(product);
    }
    Product lowFromTheStart = product("kitchen", 1);
    store.save(lowFromTheStart);
    store.delete(lowFromTheStart.getId(), null);

    assertEquals(noFailures(), failures(invoke(stream.next())));
    List<JsonNode> lows = received(lowStock);
    assertEquals(List.of("4", "3", "1"), lows.stream().map(n -> attribute(n, "stock")).toList());
    assertEquals(List.of("low-stock", "low-stock", "low-stock"), types(lows));
    List<JsonNode> all = received(everything);
    assertEquals(12, all.size(), "9 changes and 3 low-stock events");
    for (JsonNode low : lows) {
      JsonNode body = body(low);
      assertEquals("low-stock", body.get("type").asText());
      assertEquals(THRESHOLD, body.get("threshold").asInt());
      assertEquals(body.get("stock").asInt(), body.get("product").get("stock").asInt());
      String changeId = body.get("eventId").asText().replace(":low-stock", "");
      assertTrue(all.stream().anyMatch(n -> changeId.equals(attribute(n, "eventId"))
          && !"low-stock".equals(attribute(n, "eventType"))), "the low-stock event's id is its change's + :low-stock");
    }
  }

  @Test
  void aRecordThatCannotBeReadIsReportedAloneAndNoRecordAfterItIsPublished() throws IOException {
    Product before = product("garden", 9);
    store.save(before);
    Map<String, AttributeValue> poison = new java.util.HashMap<>(Map.of(
        "id", AttributeValue.fromS("poison-" + UUID.randomUUID()), "name", AttributeValue.fromS("Broken"),
        "price", AttributeValue.fromN("1"), "currency", AttributeValue.fromS("USD"),
        "category", AttributeValue.fromS("garden"), "version", AttributeValue.fromN("1"),
        "createdAt", AttributeValue.fromS("not a time"), "updatedAt", AttributeValue.fromS("not a time")));
    DYNAMO.client().putItem(r -> r.tableName(DYNAMO.tableName("ProductsTable")).item(poison));
    Product after = product("garden", 9);
    store.save(after);
    byte[] event = stream.next();
    String poisonSequenceNumber = read(new String(event, java.nio.charset.StandardCharsets.UTF_8))
        .get("Records").get(1).get("dynamodb").get("SequenceNumber").asText();

    JsonNode line;
    try (CapturedOutput output = CapturedOutput.start()) {
      assertEquals(List.of(poisonSequenceNumber), failures(invoke(event)));
      line = read(output.lines().stream().filter(l -> l.contains("\"stream batch\"")).findFirst().orElseThrow());
    }
    List<JsonNode> all = received(everything);
    assertEquals(List.of(before.getId()), all.stream().map(n -> attribute(n, "productId")).toList());
    assertEquals("ERROR", line.get("level").asText());
    assertEquals(poisonSequenceNumber, line.get("failedSequenceNumber").asText());
    assertEquals(1, line.get("RecordsFailed").asInt());
  }

  @Test
  void throttlingDelaysEventsButLosesNoneAndSendsNoneTwice() throws IOException {
    Product product = product("lighting", 9);
    store.save(product);
    product.setStock(2);
    store.save(product);
    faults.throttle(5); // more than the SDK's own three attempts: the handler's retries carry on
    int forwardedBefore = faults.forwardedPublishes();

    assertEquals(noFailures(), failures(invoke(stream.next())));
    assertEquals(5, faults.throttled());
    assertEquals(3, faults.forwardedPublishes() - forwardedBefore, "each event published once");
    assertEquals(List.of("created", "updated", "low-stock"), types(received(everything)));
  }

  @Test
  void whileSnsRefusesEverythingTheFirstRecordIsReportedAndItsRetryPublishesEachEventOnceUnderTheSameIds()
      throws IOException {
    Product first = product("lighting", 9);
    store.save(first);
    Product second = product("lighting", 9);
    store.save(second);
    byte[] event = stream.next();
    String firstSequenceNumber = read(new String(event, java.nio.charset.StandardCharsets.UTF_8))
        .get("Records").get(0).get("dynamodb").get("SequenceNumber").asText();
    ProductEventsHandler impatient = new ProductEventsHandler(new EventPublisher(
        SnsClients.build(MotoServer.REGION, faults.endpoint().toString(),
            software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("testing", "testing"))),
        topicArn), new ProductEvents(THRESHOLD), java.time.Duration.ofSeconds(2));
    faults.throttle(Integer.MAX_VALUE);

    var out = new ByteArrayOutputStream();
    impatient.handleRequest(new ByteArrayInputStream(event), out, null);
    assertEquals(List.of(firstSequenceNumber), failures(read(out.toString())));
    assertEquals(List.of(), received(everything));

    faults.throttle(0);
    // Lambda retries the batch from the reported record: here, the whole batch, twice (a second delivery).
    assertEquals(noFailures(), failures(invoke(event)));
    assertEquals(noFailures(), failures(invoke(event)));
    List<JsonNode> all = received(everything);
    assertEquals(4, all.size());
    assertEquals(all.subList(0, 2).stream().map(n -> attribute(n, "eventId")).toList(),
        all.subList(2, 4).stream().map(n -> attribute(n, "eventId")).toList(), "a redelivery keeps the event ids");
  }

  @Test
  void theEventFileGivesACreateAMoveWithLowStockAndADelete() throws IOException {
    assertEquals(noFailures(), failures(invoke(Files.readAllBytes(Path.of("events", "ProductEventsFunction.json")))));
    List<JsonNode> all = received(everything);
    assertEquals(List.of("created", "updated", "low-stock", "deleted"), types(all));
    assertEquals("lighting", attribute(all.get(1), "previousCategory"));
    assertEquals("c81e728d9d4c2f636f067f89cc14862c:low-stock", attribute(all.get(2), "eventId"));
    assertEquals(List.of("created"), types(received(lighting)));
  }

  @Test
  void eachInvocationWritesOneLineWithItsMetricsInEmbeddedMetricFormat() throws IOException {
    Product product = product("lighting", 9);
    store.save(product);
    product.setStock(1);
    store.save(product);
    JsonNode line;
    try (CapturedOutput output = CapturedOutput.start()) {
      invoke(stream.next());
      List<String> lines = output.lines().stream().filter(l -> l.contains("\"stream batch\"")).toList();
      assertEquals(1, lines.size(), output.text());
      line = read(lines.get(0));
    }
    assertEquals(List.of(), EmfSpec.violations(line));
    assertEquals(2, line.get("Records").asInt());
    assertEquals(3, line.get("EventsPublished").asInt());
    assertEquals(1, line.get("LowStockEvents").asInt());
    assertEquals(0, line.get("PublishFailures").asInt());
    assertEquals(0, line.get("RecordsFailed").asInt());
    assertEquals("INFO", line.get("level").asText());
  }
}

package dev.catalog.local.events.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.console.RequestLog;
import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.FunctionPolicy;
import dev.catalog.local.iam.IamCall;
import dev.catalog.local.lambda.LocalFunctions;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.TemplateFixtures;
import dev.catalog.testing.WallClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The local DynamoDB Streams poller against DynamoDB Local, with the fixture functions of
 * {@code templates/local-events.yaml} ({@code StreamFixtureHandler}, through SAM events and mappings of their own)
 * invoked as Lambda's event source mapping invokes them: batch size and batching window, order, partial batch
 * responses, malformed responses, bisection, bounded retries ending in the on-failure record sent under the function's
 * role, and the maximum record age.
 */
class StreamConsumersTest {
  @RegisterExtension
  static final DynamoDbLocal DYNAMO = new DynamoDbLocal(TemplateFixtures.path("local-events.yaml"));

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
  static final PrintStream CONSOLE = new PrintStream(OUT, true, StandardCharsets.UTF_8);
  static final ShiftedClock CLOCK = new ShiftedClock();
  static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:local-FailureQueue";

  /** IAM's decisions on what Lambda did with the functions' roles: the on-failure records sent. */
  static final List<IamCall> DECIDED = new java.util.concurrent.CopyOnWriteArrayList<>();

  static LocalFunctions functions;
  static StreamConsumers consumers;

  @BeforeAll
  static void start() throws InterruptedException {
    put("OrdersTable", "before-1", Map.of());
    functions = LocalFunctions.prepare(DYNAMO.template(), DYNAMO::environment, 0, CONSOLE);
    consumers =
        EventSourceMappings.create(
                DYNAMO.template(),
                DYNAMO.resolver(),
                Authorizer.enforcing(DYNAMO.template(), DYNAMO.resolver(), DECIDED::add))
            .start(
                DYNAMO.endpoint(),
                AwsBasicCredentials.create("local", "local"),
                FunctionInvoker.of(functions),
                CONSOLE,
                CLOCK,
                RequestLog.text(CONSOLE));
    // Its batch done, so that no test's records share a batch with it.
    await(() -> processed("PartialFunction", "before-"), keys -> keys.contains("before-1"));
  }

  @AfterAll
  static void stop() {
    consumers.close();
    functions.close();
  }

  static Map<String, AttributeValue> item(String id, Map<String, AttributeValue> more) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(more);
    item.put("id", AttributeValue.fromS(id));
    return item;
  }

  static void put(String table, String id, Map<String, AttributeValue> more) {
    DYNAMO
        .client()
        .putItem(request -> request.tableName(DYNAMO.tableName(table)).item(item(id, more)));
  }

  /** Several items in one BatchWriteItem, so the poller finds them together. */
  static void putAll(String table, List<Map<String, AttributeValue>> items) {
    DYNAMO
        .client()
        .batchWriteItem(
            request ->
                request.requestItems(
                    Map.of(
                        DYNAMO.tableName(table),
                        items.stream()
                            .map(
                                item ->
                                    WriteRequest.builder()
                                        .putRequest(PutRequest.builder().item(item).build())
                                        .build())
                            .toList())));
  }

  /** The function's invocations whose batch holds a key starting with {@code prefix}. */
  static List<StreamInvocation> invocations(String function, String prefix) {
    return consumers.invocations(function).stream()
        .filter(
            invocation -> invocation.keys("id").stream().anyMatch(key -> key.startsWith(prefix)))
        .toList();
  }

  static <T> T await(java.util.function.Supplier<T> value, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    T current = value.get();
    while (!done.test(current) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      current = value.get();
    }
    assertTrue(
        done.test(current),
        () -> "Not reached within " + PATIENCE + ": " + value.get() + "\nConsole:\n" + OUT);
    return current;
  }

  /** The keys of successful invocations with {@code prefix}, in the order the function saw them. */
  static List<String> processed(String function, String prefix) {
    return invocations(function, prefix).stream()
        .filter(invocation -> invocation.outcome() == StreamInvocation.Outcome.SUCCESS)
        .flatMap(invocation -> invocation.keys("id").stream())
        .filter(key -> key.startsWith(prefix))
        .toList();
  }

  @Test
  void batchesHoldAtMostBatchSizeRecordsGatheredForTheBatchingWindowInTheOrderWritten()
      throws Exception {
    List<String> ids = IntStream.rangeClosed(1, 7).mapToObj(n -> "size-" + n).toList();
    putAll("OrdersTable", ids.stream().map(id -> item(id, Map.of())).toList());

    await(() -> processed("PartialFunction", "size-"), keys -> keys.size() == ids.size());
    List<StreamInvocation> batches = invocations("PartialFunction", "size-");
    assertEquals(ids, processed("PartialFunction", "size-"));
    assertTrue(batches.stream().allMatch(batch -> batch.keys("id").size() <= 3), batches::toString);
    assertEquals(List.of(3, 3, 1), batches.stream().map(batch -> batch.keys("id").size()).toList());
    assertTrue(
        OUT.toString(StandardCharsets.UTF_8)
            .lines()
            .anyMatch(
                line ->
                    line.startsWith(
                        "[DynamoDB stream] OrdersTable → PartialFunction: batch of 3 processed in ")),
        OUT::toString);
  }

  @Test
  void trimHorizonStartsAtTheOldestRecordAndLatestAtTheFirstWriteAfterTheConsumerStarted()
      throws Exception {
    put("OrdersTable", "after-1", Map.of());

    await(() -> processed("LatestFunction", "after-"), keys -> keys.contains("after-1"));
    await(() -> processed("PartialFunction", "after-"), keys -> keys.contains("after-1"));
    assertEquals(List.of("before-1"), processed("PartialFunction", "before-"));
    assertEquals(List.of(), invocations("LatestFunction", "before-"));
  }

  @Test
  void eachRecordIsTheDynamodbEventLambdaSendsWithKeysImagesAndTheStreamArn() throws Exception {
    put("OrdersTable", "shape-1", Map.of("stock", AttributeValue.fromN("5")));
    AttributeValue nested =
        AttributeValue.fromM(
            Map.of(
                "on",
                AttributeValue.fromBool(true),
                "none",
                AttributeValue.fromNul(true),
                "list",
                AttributeValue.fromL(List.of(AttributeValue.fromS("x")))));
    put(
        "OrdersTable",
        "shape-1",
        Map.of(
            "stock",
            AttributeValue.fromN("4"),
            "tags",
            AttributeValue.fromSs(List.of("a")),
            "data",
            AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})),
            "nested",
            nested));
    DYNAMO
        .client()
        .deleteItem(
            request ->
                request
                    .tableName(DYNAMO.tableName("OrdersTable"))
                    .key(Map.of("id", AttributeValue.fromS("shape-1"))));

    await(() -> processed("PartialFunction", "shape-"), keys -> keys.size() == 3);
    List<JsonNode> records = new ArrayList<>();
    invocations("PartialFunction", "shape-")
        .forEach(invocation -> invocation.event().path("Records").forEach(records::add));
    assertEquals(
        List.of("INSERT", "MODIFY", "REMOVE"),
        records.stream().map(r -> r.get("eventName").asText()).toList());
    JsonNode modify = records.get(1);
    assertEquals("aws:dynamodb", modify.get("eventSource").asText());
    assertEquals("1.1", modify.get("eventVersion").asText());
    assertEquals("us-east-1", modify.get("awsRegion").asText());
    assertTrue(
        modify
            .get("eventSourceARN")
            .asText()
            .startsWith(
                "arn:aws:dynamodb:us-east-1:123456789012:table/"
                    + DYNAMO.tableName("OrdersTable")
                    + "/stream/"),
        modify::toString);
    JsonNode change = modify.get("dynamodb");
    assertEquals("NEW_AND_OLD_IMAGES", change.get("StreamViewType").asText());
    assertEquals("{\"id\":{\"S\":\"shape-1\"}}", change.get("Keys").toString());
    assertEquals("{\"N\":\"5\"}", change.get("OldImage").get("stock").toString());
    assertEquals("{\"N\":\"4\"}", change.get("NewImage").get("stock").toString());
    assertEquals("{\"SS\":[\"a\"]}", change.get("NewImage").get("tags").toString());
    assertEquals("{\"B\":\"AQI=\"}", change.get("NewImage").get("data").toString());
    assertEquals(
        "{\"M\":{\"on\":{\"BOOL\":true},\"none\":{\"NULL\":true},\"list\":{\"L\":[{\"S\":\"x\"}]}}}",
        sorted(change.get("NewImage").get("nested")));
    assertTrue(change.get("ApproximateCreationDateTime").isIntegralNumber(), change::toString);
    assertTrue(
        change.get("SizeBytes").asInt() > 0 && !change.get("SequenceNumber").asText().isEmpty());
    assertFalse(records.get(2).get("dynamodb").has("NewImage"));
    assertEquals(
        "{\"N\":\"4\"}", records.get(2).get("dynamodb").get("OldImage").get("stock").toString());
  }

  @Test
  void eachRecordIsDatedWithTheSecondOfItsWriteNotRoundedDownToItsMinute() throws Exception {
    // 5 s or more past a whole minute: a time rounded down to the minute is told apart from the
    // write's.
    WallClock.awaitSecondOfMinute(5, 50);
    long before = Instant.now().getEpochSecond();
    put("OrdersTable", "dated-1", Map.of());
    long after = Instant.now().getEpochSecond();

    await(() -> processed("PartialFunction", "dated-"), keys -> keys.contains("dated-1"));
    long dated =
        invocations("PartialFunction", "dated-")
            .getFirst()
            .event()
            .path("Records")
            .get(0)
            .path("dynamodb")
            .path("ApproximateCreationDateTime")
            .asLong();
    // Dated when first read: a poll (250 ms at most) after the write, more on a loaded machine.
    assertTrue(
        dated >= before && dated <= after + 2,
        () -> "written at " + before + "-" + after + ", dated " + dated);
  }

  /** The nested map with its members in a fixed order, as DynamoDB keeps none. */
  static String sorted(JsonNode map) {
    var members = new java.util.TreeMap<String, JsonNode>();
    map.get("M").properties().forEach(entry -> members.put(entry.getKey(), entry.getValue()));
    List<String> order = List.of("on", "none", "list");
    StringBuilder json = new StringBuilder("{\"M\":{");
    order.forEach(
        name ->
            json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                .append('"')
                .append(name)
                .append("\":")
                .append(members.get(name)));
    return json.append("}}").toString();
  }

  @Test
  void updatesOfEachKeyReachTheFunctionInTheOrderTheyWereMade() throws Exception {
    for (int version = 1; version <= 6; version++) {
      for (String key : List.of("order-x", "order-y")) {
        put("OrdersTable", key, Map.of("version", AttributeValue.fromN(Integer.toString(version))));
      }
    }

    await(() -> processed("PartialFunction", "order-"), keys -> keys.size() == 12);
    for (String key : List.of("order-x", "order-y")) {
      List<Integer> versions =
          invocations("PartialFunction", "order-").stream()
              .flatMap(invocation -> invocation.event().path("Records").valueStream())
              .filter(
                  record ->
                      record
                          .path("dynamodb")
                          .path("Keys")
                          .path("id")
                          .path("S")
                          .asText()
                          .equals(key))
              .map(
                  record ->
                      record.path("dynamodb").path("NewImage").path("version").path("N").asInt())
              .toList();
      assertEquals(List.of(1, 2, 3, 4, 5, 6), versions, key);
    }
  }

  @Test
  void aPartialFailureIsRetriedFromExactlyTheReportedRecordUnderTheSameEventIds() throws Exception {
    putAll(
        "OrdersTable",
        List.of(
            item("partial-1", Map.of()),
            item("partial-2", Map.of()),
            item("partial-3", Map.of("failTimes", AttributeValue.fromN("1")))));

    await(() -> processed("PartialFunction", "partial-"), keys -> keys.contains("partial-3"));
    List<StreamInvocation> batches = invocations("PartialFunction", "partial-");
    assertEquals(
        List.of(List.of("partial-1", "partial-2", "partial-3"), List.of("partial-3")),
        batches.stream().map(batch -> batch.keys("id")).toList());
    StreamInvocation failed = batches.getFirst();
    assertEquals(StreamInvocation.Outcome.PARTIAL_FAILURE, failed.outcome());
    assertEquals(List.of(failed.sequenceNumbers().get(2)), failed.reported());
    assertEquals(failed.eventIds().get(2), batches.get(1).eventIds().getFirst());
    assertEquals(failed.sequenceNumbers().get(2), batches.get(1).sequenceNumbers().getFirst());
    assertTrue(
        OUT.toString(StandardCharsets.UTF_8)
            .contains("1 reported failed; retried from " + failed.sequenceNumbers().get(2)));
  }

  @Test
  void
      aMalformedBatchResponseFailsTheWholeBatchUntilTheRetriesAreSpentThenTheOnFailureRecordTakesIt()
          throws Exception {
    putAll(
        "OrdersTable",
        List.of(
            item("malformed-1", Map.of("malformed", AttributeValue.fromBool(true))),
            item("malformed-2", Map.of())));

    OnFailureRecord record =
        await(
            () ->
                consumers.failures().stream()
                    .filter(failure -> failure.function().equals("PartialFunction"))
                    .findFirst()
                    .orElse(null),
            found -> found != null);
    List<StreamInvocation> attempts = invocations("PartialFunction", "malformed-");
    assertEquals(6, attempts.size(), "the first invocation and MaximumRetryAttempts: 5 retries");
    assertTrue(
        attempts.stream()
            .allMatch(
                attempt ->
                    attempt.keys("id").equals(List.of("malformed-1", "malformed-2"))
                        && attempt.outcome() == StreamInvocation.Outcome.MALFORMED_RESPONSE),
        attempts::toString);
    assertEquals("RetryAttemptsExhausted", record.condition());
    assertEquals("2", record.batchInfo("batchSize"));
    assertEquals(
        attempts.getFirst().sequenceNumbers(),
        List.of(record.batchInfo("startSequenceNumber"), record.batchInfo("endSequenceNumber")));
    assertEquals(6, record.json().path("requestContext").path("approximateInvokeCount").asInt());
    assertEquals(QUEUE, record.destination());
    assertTrue(
        DECIDED.contains(
            new IamCall(
                "PartialFunction",
                "sqs:SendMessage",
                QUEUE,
                FunctionPolicy.Decision.ALLOWED,
                null)),
        "sent under the role SAM gave SendMessage for OnFailure's Type: SQS");
  }

  @Test
  void bisectionIsolatesThePoisonRecordWhichEndsInTheOnFailureRecordWhileTheShardMovesOn()
      throws Exception {
    putAll(
        "PoisonTable",
        List.of(
            item("bisect-1", Map.of()),
            item("bisect-2", Map.of()),
            item("bisect-3", Map.of("poison", AttributeValue.fromBool(true))),
            item("bisect-4", Map.of())));

    OnFailureRecord record =
        await(
            () ->
                consumers.failures().stream()
                    .filter(failure -> failure.function().equals("BisectFunction"))
                    .findFirst()
                    .orElse(null),
            found -> found != null);
    await(() -> processed("BisectFunction", "bisect-"), keys -> keys.contains("bisect-4"));
    put("PoisonTable", "bisect-5", Map.of());
    await(() -> processed("BisectFunction", "bisect-"), keys -> keys.contains("bisect-5"));

    List<List<String>> batches =
        invocations("BisectFunction", "bisect-").stream().map(batch -> batch.keys("id")).toList();
    assertEquals(
        List.of(
            List.of("bisect-1", "bisect-2", "bisect-3", "bisect-4"),
            List.of("bisect-1", "bisect-2"),
            List.of("bisect-3", "bisect-4"),
            List.of("bisect-3"),
            List.of("bisect-3"),
            List.of("bisect-4"),
            List.of("bisect-5")),
        batches);
    StreamInvocation poison = invocations("BisectFunction", "bisect-3").get(3);
    assertEquals(StreamInvocation.Outcome.FUNCTION_ERROR, poison.outcome());
    JsonNode json = record.json();
    assertEquals(QUEUE, record.destination());
    assertTrue(
        DECIDED.contains(
            new IamCall(
                "BisectFunction", "sqs:SendMessage", QUEUE, FunctionPolicy.Decision.ALLOWED, null)),
        "sent under the role its own statement allows SendMessage");
    assertEquals("RetryAttemptsExhausted", json.path("requestContext").path("condition").asText());
    assertEquals(
        "arn:aws:lambda:us-east-1:123456789012:function:BisectFunction",
        json.path("requestContext").path("functionArn").asText());
    assertEquals(2, json.path("requestContext").path("approximateInvokeCount").asInt());
    assertEquals("Unhandled", json.path("responseContext").path("functionError").asText());
    assertEquals("1.0", json.path("version").asText());
    assertEquals("1", record.batchInfo("batchSize"));
    assertEquals(poison.sequenceNumbers().getFirst(), record.batchInfo("startSequenceNumber"));
    assertEquals(poison.sequenceNumbers().getFirst(), record.batchInfo("endSequenceNumber"));
    assertEquals(poison.shardId(), record.batchInfo("shardId"));
    assertEquals(
        poison.event().path("Records").get(0).path("eventSourceARN").asText(),
        record.batchInfo("streamArn"));
    assertFalse(record.batchInfo("approximateArrivalOfFirstRecord").isEmpty());
    assertTrue(
        OUT.toString(StandardCharsets.UTF_8)
            .lines()
            .anyMatch(
                line ->
                    line.startsWith(
                        "[DynamoDB stream]"
                            + " PoisonTable → BisectFunction: 1 record discarded (RetryAttemptsExhausted);"
                            + " on-failure record to arn:aws:sqs:us-east-1:123456789012:local-FailureQueue: {\"requestContext\"")),
        OUT::toString);
  }

  /** The on-failure record of the batch starting with this sequence number, if one was discarded. */
  static OnFailureRecord failureFrom(String function, String sequenceNumber) {
    return consumers.failures().stream()
        .filter(
            failure ->
                failure.function().equals(function)
                    && failure.batchInfo("startSequenceNumber").equals(sequenceNumber))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aRecordOlderThanTheMaximumAgeIsDiscardedInsteadOfRetriedForever() throws Exception {
    put("AgedTable", "aged-1", Map.of("poison", AttributeValue.fromBool(true)));
    String sequenceNumber =
        await(() -> invocations("AgedFunction", "aged-1"), attempts -> attempts.size() >= 2)
            .getFirst()
            .sequenceNumbers()
            .getFirst();

    CLOCK.shift(Duration.ofSeconds(61));
    OnFailureRecord record;
    try {
      record = await(() -> failureFrom("AgedFunction", sequenceNumber), found -> found != null);
    } finally {
      CLOCK.shift(Duration.ZERO);
    }
    int attempts = invocations("AgedFunction", "aged-1").size();
    assertEquals("RecordAgeExceeded", record.condition());
    assertEquals("1", record.batchInfo("batchSize"));
    put("AgedTable", "aged-2", Map.of());
    await(() -> processed("AgedFunction", "aged-"), keys -> keys.contains("aged-2"));
    assertEquals(
        attempts,
        invocations("AgedFunction", "aged-1").size(),
        "the discarded record is not retried");
  }

  @Test
  void
      aRecordYoungerThanTheMaximumAgeIsRetriedHoweverLateInItsMinuteAndItsOnFailureRecordHasItsSecond()
          throws Exception {
    // 12 s or more past a whole minute: a record dated to its minute would look 12 s older than it
    // is.
    WallClock.awaitSecondOfMinute(12, 59);
    long before = Instant.now().getEpochSecond();
    put("AgedTable", "young-1", Map.of("poison", AttributeValue.fromBool(true)));
    long after = Instant.now().getEpochSecond();
    String sequenceNumber =
        await(() -> invocations("AgedFunction", "young-1"), attempts -> attempts.size() >= 2)
            .getFirst()
            .sequenceNumbers()
            .getFirst();

    OnFailureRecord record;
    try {
      // 50 s older: below MaximumRecordAgeInSeconds (60) by some seconds less than 10, this test's
      // own time.
      CLOCK.shift(Duration.ofSeconds(50));
      int attempts = invocations("AgedFunction", "young-1").size();
      await(() -> invocations("AgedFunction", "young-1").size(), count -> count >= attempts + 2);
      assertEquals(
          null,
          failureFrom("AgedFunction", sequenceNumber),
          "retried, not discarded, while under 60 s");

      CLOCK.shift(Duration.ofSeconds(61));
      record = await(() -> failureFrom("AgedFunction", sequenceNumber), found -> found != null);
    } finally {
      CLOCK.shift(Duration.ZERO);
    }
    assertEquals("RecordAgeExceeded", record.condition());
    long arrival =
        Instant.parse(record.batchInfo("approximateArrivalOfFirstRecord")).getEpochSecond();
    assertTrue(
        arrival >= before && arrival <= after + 2,
        () -> "written at " + before + "-" + after + ", arrived " + arrival);
    assertEquals(
        record.batchInfo("approximateArrivalOfFirstRecord"),
        record.batchInfo("approximateArrivalOfLastRecord"));
  }
}

package dev.catalog.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.products.Product;
import dev.catalog.products.ProductJson;
import dev.catalog.products.ProductStore;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.TableStream;
import dev.catalog.testing.WallClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stream records as DynamoDB Local's stream emits them for products written through {@link ProductStore}, read as
 * Lambda hands them to a function, turned into changes and written as JSON.
 */
class ProductChangeTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  static final ObjectMapper MAPPER = new ObjectMapper();
  static ProductStore store;
  static TableStream stream;

  @BeforeAll
  static void open() {
    store = new ProductStore(DYNAMO.client(), DYNAMO.tableName("ProductsTable"));
    stream = new TableStream(DYNAMO, "ProductsTable");
  }

  @AfterAll
  static void close() {
    stream.close();
  }

  static Product product(String category, int stock) {
    Product product = new Product();
    product.setId("p-" + UUID.randomUUID());
    product.setName("Desk lamp");
    product.setDescription("Warm light, \"dimmable\".");
    product.setPrice(new BigDecimal("19.90"));
    product.setCategory(category);
    product.setTags(List.of("desk", "led"));
    product.setStock(stock);
    product.setCreatedAt(Instant.parse("2026-11-24T10:15:30.123Z"));
    product.setUpdatedAt(product.getCreatedAt());
    product.setCreatedBy("editor-1");
    product.setUpdatedBy("editor-1");
    return product.applyDefaults();
  }

  static List<StreamRecord> records() throws IOException {
    return StreamBatch.read(new ByteArrayInputStream(stream.next()));
  }

  static ProductChange only(List<StreamRecord> records) {
    assertEquals(1, records.size(), records.toString());
    return ProductChange.of(records.get(0)).orElseThrow();
  }

  @Test
  void aCreateIsACreatedChangeCarryingTheProductAsTheRestApiWritesIt() throws IOException {
    Product product = product("lighting", 5);
    assertTrue(store.save(product));
    List<StreamRecord> records = records();
    ProductChange change = only(records);

    assertEquals(ChangeType.CREATED, change.type());
    assertEquals(product.getId(), change.id());
    assertEquals(1, change.version());
    assertEquals("lighting", change.category());
    assertNull(change.previousCategory());
    assertNull(change.previous());
    JsonNode json = MAPPER.readTree(change.toJson());
    assertEquals(records.get(0).eventId(), json.get("eventId").asText());
    assertEquals("created", json.get("type").asText());
    assertEquals(
        MAPPER.readTree(ProductJson.write(store.find(product.getId()).orElseThrow())),
        json.get("product"));
    assertEquals("2026-11-24T10:15:30.123Z", json.get("occurredAt").asText());
    assertEquals(
        List.of("eventId", "type", "id", "version", "category", "product", "occurredAt"),
        names(json));
  }

  @Test
  void anUpdateThatMovesTheProductNamesTheCategoryBeforeAndCarriesBothImages() throws IOException {
    Product product = product("lighting", 5);
    store.save(product);
    records();
    product.setCategory("kitchen");
    product.setStock(2);
    product.setUpdatedAt(Instant.parse("2026-11-24T11:00:00.456Z"));
    assertTrue(store.save(product));
    ProductChange change = only(records());

    assertEquals(ChangeType.UPDATED, change.type());
    assertEquals(2, change.version());
    assertEquals("kitchen", change.category());
    assertEquals("lighting", change.previousCategory());
    assertEquals(5, change.previous().getStock());
    assertEquals(2, change.product().getStock());
    JsonNode json = MAPPER.readTree(change.toJson());
    assertEquals("updated", json.get("type").asText());
    assertEquals("lighting", json.get("previousCategory").asText());
    assertEquals("kitchen", json.get("product").get("category").asText());
    assertEquals("2026-11-24T11:00:00.456Z", json.get("occurredAt").asText());
  }

  @Test
  void anUpdateWithinItsCategoryHasNoPreviousCategory() throws IOException {
    Product product = product("lighting", 5);
    store.save(product);
    records();
    product.setPrice(new BigDecimal("17.50"));
    store.save(product);
    ProductChange change = only(records());

    assertEquals(ChangeType.UPDATED, change.type());
    assertNull(change.previousCategory());
    assertFalse(MAPPER.readTree(change.toJson()).has("previousCategory"));
    assertEquals(
        0,
        new BigDecimal("17.50")
            .compareTo(
                MAPPER.readTree(change.toJson()).get("product").get("price").decimalValue()));
  }

  @Test
  void aDeleteIsADeletedChangeWithTheLastVersionAndCategoryAndNoProductAtTheSecondOfTheDelete()
      throws Exception {
    Product product = product("lighting", 5);
    store.save(product);
    store.save(product);
    records();
    // The stream dates a record to the second, rounded down. 5 s or more past a whole minute, so
    // that a time rounded
    // down to the minute is told apart; the product was last updated days ago.
    WallClock.awaitSecondOfMinute(5, 55);
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertTrue(store.delete(product.getId(), null));
    ProductChange change = only(records());

    assertEquals(ChangeType.DELETED, change.type());
    assertEquals(product.getId(), change.id());
    assertEquals(2, change.version());
    assertEquals("lighting", change.category());
    assertNull(change.product());
    JsonNode json = MAPPER.readTree(change.toJson());
    assertEquals(
        List.of("eventId", "type", "id", "version", "category", "occurredAt"), names(json));
    Instant occurredAt = Instant.parse(json.get("occurredAt").asText());
    assertFalse(occurredAt.isBefore(before) || occurredAt.isAfter(Instant.now()), json.toString());
  }

  @Test
  void aBatchKeepsTheStreamsOrderAndEachRecordItsOwnEventIdAndSequenceNumber() throws IOException {
    Product product = product("lighting", 5);
    store.save(product);
    store.save(product);
    store.delete(product.getId(), null);
    List<StreamRecord> records = records();

    assertEquals(
        List.of("INSERT", "MODIFY", "REMOVE"),
        records.stream().map(StreamRecord::eventName).toList());
    assertEquals(3, records.stream().map(StreamRecord::eventId).distinct().count());
    List<BigDecimalSequence> sequence =
        records.stream().map(r -> new BigDecimalSequence(r.sequenceNumber())).toList();
    assertTrue(
        sequence.get(0).compareTo(sequence.get(1)) < 0
            && sequence.get(1).compareTo(sequence.get(2)) < 0);
    assertEquals(
        List.of(ChangeType.CREATED, ChangeType.UPDATED, ChangeType.DELETED),
        records.stream().map(r -> ProductChange.of(r).orElseThrow().type()).toList());
    assertEquals(Map.of("id", AttributeValue.fromS(product.getId())), records.get(0).keys());
  }

  @Test
  void anItemThatIsNotAProductIsNoChange() throws IOException {
    DYNAMO
        .client()
        .putItem(
            r ->
                r.tableName(DYNAMO.tableName("ProductsTable"))
                    .item(
                        Map.of(
                            "id",
                            AttributeValue.fromS("marker-" + UUID.randomUUID()),
                            "category",
                            AttributeValue.fromS("x"))));
    List<StreamRecord> records = records();

    assertEquals(1, records.size());
    assertTrue(ProductChange.of(records.get(0)).isEmpty());
  }

  @Test
  void everyAttributeTypeIsReadAsTheSdkWroteIt() throws IOException {
    Map<String, AttributeValue> item =
        Map.ofEntries(
            Map.entry("id", AttributeValue.fromS("types-" + UUID.randomUUID())),
            Map.entry("category", AttributeValue.fromS("caf\u00e9 \uD83D\uDCA1 \"quoted\"")),
            Map.entry("n", AttributeValue.fromN("-12500.25")),
            Map.entry(
                "b",
                AttributeValue.fromB(
                    software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {0, -1, 7}))),
            Map.entry("t", AttributeValue.fromBool(true)),
            Map.entry("f", AttributeValue.fromBool(false)),
            Map.entry("nul", AttributeValue.fromNul(true)),
            Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
            Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5"))),
            Map.entry(
                "bs",
                AttributeValue.fromBs(
                    List.of(software.amazon.awssdk.core.SdkBytes.fromUtf8String("x")))),
            Map.entry(
                "l",
                AttributeValue.fromL(
                    List.of(AttributeValue.fromS("one"), AttributeValue.fromN("2")))),
            Map.entry(
                "m",
                AttributeValue.fromM(
                    Map.of(
                        "inner",
                        AttributeValue.fromM(Map.of("deep", AttributeValue.fromL(List.of())))))));
    DYNAMO.client().putItem(r -> r.tableName(DYNAMO.tableName("ProductsTable")).item(item));
    List<StreamRecord> records = records();

    assertEquals(1, records.size());
    assertEquals(item, records.get(0).newImage());
    assertEquals(Map.of(), records.get(0).oldImage());
  }

  @Test
  void aRecordWithoutTheImageItsEventNeedsIsRefusedNamingTheStreamView() throws IOException {
    String event =
        """
        {"Records":[{"eventID":"e-1","eventName":"REMOVE","dynamodb":{"Keys":{"id":{"S":"p-1"}},
        "SequenceNumber":"100","StreamViewType":"KEYS_ONLY"}}]}""";
    StreamRecord record =
        StreamBatch.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))).get(0);

    var refused = assertThrows(IllegalArgumentException.class, () -> ProductChange.of(record));
    assertTrue(refused.getMessage().contains("NEW_AND_OLD_IMAGES"), refused.getMessage());
  }

  @Test
  void theBatchResponseNamesEachFailedRecordBySequenceNumber() throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    StreamBatch.writeFailures(List.of("200", "300"), out);
    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"},{\"itemIdentifier\":\"300\"}]}",
        out.toString());
    out.reset();
    StreamBatch.writeFailures(List.of(), out);
    assertEquals("{\"batchItemFailures\":[]}", out.toString());
  }

  static List<String> names(JsonNode json) {
    List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Sequence numbers are decimal strings of up to 40 digits, ordered by value. */
  record BigDecimalSequence(String value) implements Comparable<BigDecimalSequence> {
    @Override
    public int compareTo(BigDecimalSequence other) {
      return new java.math.BigInteger(value).compareTo(new java.math.BigInteger(other.value));
    }
  }
}

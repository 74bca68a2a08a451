package dev.catalog.bench;

import dev.catalog.products.Product;
import dev.catalog.products.ProductStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Realistic data before anything is measured: the tables, a products table filled in {@code BatchWriteItem} calls
 * of 25, and a warm-up of DynamoDB Local's own JIT so that the first function measured does not pay for it.
 */
final class ProductSeeder {

  private static final int BATCH = 25;
  private static final int CATEGORIES = 20;
  private static final TableSchema<Product> SCHEMA = TableSchema.fromBean(Product.class);
  private static final Instant CREATED = Instant.parse("2025-01-15T09:30:00Z");

  private final DynamoDbClient dynamoDb;
  private final String table;

  ProductSeeder(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  void createTables(List<CreateTableRequest> tables) {
    tables.forEach(dynamoDb::createTable);
  }

  /**
   * Writes {@code count} products: first those whose ids the events name, then generated ones; returns every id
   * in that order. Ids are random UUIDs from a fixed seed, so each run writes the same products.
   */
  List<String> seed(int count, List<String> idsFromEvents) {
    var ids = new LinkedHashSet<>(idsFromEvents);
    var random = new Random(20250115);
    while (ids.size() < count) {
      ids.add(
          new UUID(
                  random.nextLong() & ~0xf000L | 0x4000L,
                  random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
              .toString());
    }
    List<String> all = List.copyOf(ids);
    restore(all, all.size());
    return all;
  }

  /**
   * Puts the table back as seeded: deletes the products a function created, and writes the first {@code count}
   * seeded products again, so that the next function finds what the previous one updated or deleted as new (a
   * PATCH finds each product at version 1 again) and a table of the same size.
   */
  void restore(List<String> ids, int count) {
    var seeded = new HashSet<>(ids);
    List<WriteRequest> batch = new ArrayList<>(BATCH);
    for (var page :
        dynamoDb.scanPaginator(scan -> scan.tableName(table).projectionExpression("id"))) {
      for (var item : page.items()) {
        if (!seeded.contains(item.get("id").s())) {
          batch.add(
              WriteRequest.builder()
                  .deleteRequest(delete -> delete.key(Map.of("id", item.get("id"))))
                  .build());
          if (batch.size() == BATCH) {
            write(batch);
            batch.clear();
          }
        }
      }
    }
    if (!batch.isEmpty()) {
      write(batch);
      batch.clear();
    }
    int last = Math.min(count, ids.size());
    for (int i = 0; i < last; i++) {
      batch.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(product(i, ids.get(i))).build())
              .build());
      if (batch.size() == BATCH || i == last - 1) {
        write(batch);
        batch.clear();
      }
    }
  }

  private void write(List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
    while (!pending.isEmpty()) {
      pending =
          dynamoDb
              .batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build())
              .unprocessedItems();
    }
  }

  /**
   * One product as the functions store it (through the bean's own table schema): about 650 bytes, a category out
   * of 20, prices from 1 to 500, with its creator and incarnation (without them a PUT takes the second write that
   * keeps a product stored before they existed as it was).
   */
  static Map<String, AttributeValue> product(int index, String id) {
    var product = new Product();
    Instant created = CREATED.plusSeconds(index * 37L);
    product.setId(id);
    product.setName("Product %05d".formatted(index));
    product.setDescription(
        ("A sturdy, well made product number %d for everyday use; ships in recyclable"
                + " packaging and comes with a two-year warranty. ")
            .formatted(index)
            .repeat(3));
    product.setCategory("category-%02d".formatted(index % CATEGORIES));
    product.setPrice(BigDecimal.valueOf(100 + index % 50_000, 2));
    product.setCurrency("USD");
    product.setTags(List.of("tag-" + index % 7, "label-" + index % 11));
    product.setStock(index % 250);
    product.setCreatedAt(created);
    product.setUpdatedAt(created);
    product.setCreatedBy("bench-seeder");
    product.setUpdatedBy("bench-seeder");
    product.setVersion(1L);
    // 22 base64url characters, as ProductStore draws them; fixed, so every run meets the same
    // table.
    product.setIncarnation("seed%018d".formatted(index));
    return SCHEMA.itemToMap(product, true);
  }

  /**
   * Exercises the calls the functions make, so that DynamoDB Local's JIT is warm before the first measurement.
   *
   * @return the latency of the last 1,000 {@code GetItem} calls from the harness: DynamoDB Local's own share of
   *         every function's warm latency
   */
  Percentiles warmUp(List<String> ids) {
    long[] getItem = new long[1_000];
    for (int i = 0; i < 3_000; i++) {
      String id = ids.get(i % ids.size());
      long start = System.nanoTime();
      dynamoDb.getItem(get -> get.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
      getItem[i % getItem.length] = System.nanoTime() - start;
    }
    for (int i = 0; i < 300; i++) {
      int index = i % ids.size();
      dynamoDb.putItem(put -> put.tableName(table).item(product(index, ids.get(index))));
    }
    for (int i = 0; i < 200; i++) {
      String category = "category-%02d".formatted(i % CATEGORIES);
      dynamoDb.query(
          query ->
              query
                  .tableName(table)
                  .indexName(ProductStore.CATEGORY_INDEX)
                  .limit(20)
                  .keyConditionExpression("category = :c")
                  .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(category))));
    }
    for (int i = 0; i < 50; i++) {
      dynamoDb.scan(scan -> scan.tableName(table).limit(20));
    }
    return Percentiles.ofNanos(getItem);
  }
}

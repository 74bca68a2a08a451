package dev.catalog.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * What a refused request must leave exactly as it was: how many items each table holds, and one existing product's
 * representation, byte for byte (its version, timestamps and every field).
 *
 * @param products items in the products table
 * @param idempotencyRecords items in the idempotency table
 * @param product the body of {@code GET /products/{id}} for the watched product
 */
public record StoredState(long products, long idempotencyRecords, String product) {
  /** Counts both tables (consistent scans) and fetches the product {@code watchedId} through the API. */
  public static StoredState of(ProductsApi api, String watchedId) {
    DynamoDbClient client = api.dynamo().client();
    return new StoredState(
        count(client, api.dynamo().tableName("ProductsTable")),
        count(client, api.dynamo().tableName("IdempotencyTable")),
        api.get("/products/" + watchedId).send().body());
  }

  private static long count(DynamoDbClient client, String table) {
    return client
        .scanPaginator(
            ScanRequest.builder()
                .tableName(table)
                .select(Select.COUNT)
                .consistentRead(true)
                .build())
        .stream()
        .mapToLong(ScanResponse::count)
        .sum();
  }
}

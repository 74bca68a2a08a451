package dev.catalog.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one store of the idempotency table. Records live {@link #RETENTION}; DynamoDB's TTL removes them lazily (up to
 * days later), so an expired record is treated as absent here rather than trusted to be gone.
 */
public final class IdempotencyStore {
  public static final Duration RETENTION = Duration.ofHours(24);

  /** Written out rather than {@code TableSchema.fromBean}, which costs ~100 ms of introspection at cold start. */
  static final TableSchema<IdempotencyRecord> SCHEMA =
      StaticTableSchema.builder(IdempotencyRecord.class)
          .newItemSupplier(IdempotencyRecord::new)
          .addAttribute(
              String.class,
              a ->
                  a.name("idempotencyKey")
                      .getter(IdempotencyRecord::getIdempotencyKey)
                      .setter(IdempotencyRecord::setIdempotencyKey)
                      .tags(StaticAttributeTags.primaryPartitionKey()))
          .addAttribute(
              String.class,
              a ->
                  a.name("caller")
                      .getter(IdempotencyRecord::getCaller)
                      .setter(IdempotencyRecord::setCaller))
          .addAttribute(
              String.class,
              a ->
                  a.name("requestHash")
                      .getter(IdempotencyRecord::getRequestHash)
                      .setter(IdempotencyRecord::setRequestHash))
          .addAttribute(
              Integer.class,
              a ->
                  a.name("status")
                      .getter(IdempotencyRecord::getStatus)
                      .setter(IdempotencyRecord::setStatus))
          .addAttribute(
              String.class,
              a ->
                  a.name("location")
                      .getter(IdempotencyRecord::getLocation)
                      .setter(IdempotencyRecord::setLocation))
          .addAttribute(
              String.class,
              a ->
                  a.name("etag")
                      .getter(IdempotencyRecord::getEtag)
                      .setter(IdempotencyRecord::setEtag))
          .addAttribute(
              String.class,
              a ->
                  a.name("lastModified")
                      .getter(IdempotencyRecord::getLastModified)
                      .setter(IdempotencyRecord::setLastModified))
          .addAttribute(
              String.class,
              a ->
                  a.name("body")
                      .getter(IdempotencyRecord::getBody)
                      .setter(IdempotencyRecord::setBody))
          .addAttribute(
              Long.class,
              a ->
                  a.name("expiresAt")
                      .getter(IdempotencyRecord::getExpiresAt)
                      .setter(IdempotencyRecord::setExpiresAt))
          .build();

  private final DynamoDbTable<IdempotencyRecord> table;
  private final Clock clock;

  public IdempotencyStore(DynamoDbEnhancedClient client, String tableName, Clock clock) {
    this.table = client.table(tableName, SCHEMA);
    this.clock = clock;
  }

  /** The unexpired record for {@code key}, if any. */
  public Optional<IdempotencyRecord> find(String key) {
    IdempotencyRecord record =
        table.getItem(
            GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(key).build())
                .consistentRead(true)
                .build());
    return Optional.ofNullable(record)
        .filter(r -> r.getExpiresAt() > clock.instant().getEpochSecond());
  }

  /** Stamps the record's expiry. */
  public IdempotencyRecord expiring(IdempotencyRecord record) {
    record.setExpiresAt(clock.instant().plus(RETENTION).getEpochSecond());
    return record;
  }

  /** A transactional put that succeeds only if no unexpired record holds the key. */
  public TransactPutItemEnhancedRequest<IdempotencyRecord> claim(IdempotencyRecord record) {
    return TransactPutItemEnhancedRequest.builder(IdempotencyRecord.class)
        .item(record)
        .conditionExpression(
            Expression.builder()
                .expression("attribute_not_exists(#key) OR #expiresAt < :now")
                .putExpressionName("#key", "idempotencyKey")
                .putExpressionName("#expiresAt", "expiresAt")
                .putExpressionValue(
                    ":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))
                .build())
        .build();
  }

  public DynamoDbTable<IdempotencyRecord> table() {
    return table;
  }
}

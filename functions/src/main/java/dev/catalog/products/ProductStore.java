package dev.catalog.products;

import dev.catalog.idempotency.IdempotencyRecord;
import dev.catalog.idempotency.IdempotencyStore;
import dev.catalog.storage.DynamoDbClients;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The one store of the products table. Writes are conditional. A create ({@link #save} of a new product) and a
 * delete go through the Enhanced Client, whose versioned-record extension turns {@link Product#getVersion()} into "the
 * stored version is still this one" (or "nothing is stored yet" for null). PUT and PATCH ({@link #write}) are one
 * {@code UpdateItem} each, built here: the fields set, the version incremented by DynamoDB itself, and a condition
 * that carries the request's preconditions and refuses a write that would change nothing; it reads nothing first.
 * Failed conditions come back as values ({@code false}, {@link Refused}), not as exceptions, because they are an
 * expected outcome the caller decides about.
 *
 * <p>Every operation has a blocking form, which the handlers use (a Lambda instance serves one request at a time),
 * and a {@code CompletableFuture} form that runs the same call on a virtual thread.
 */
public final class ProductStore {
  /** The global secondary index that serves the list by category: hash key category, range key id. */
  public static final String CATEGORY_INDEX = "byCategory";

  private static final TableSchema<Product> SCHEMA = ProductTableSchema.SCHEMA;

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<Product> table;

  /** The SDK's own client, for the update expressions the Enhanced Client cannot send. */
  private final DynamoDbClient dynamo;

  /** The store of table {@code tableName}, through {@code dynamo} (an Enhanced Client of its own on top). */
  public ProductStore(DynamoDbClient dynamo, String tableName) {
    this(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), dynamo, tableName);
  }

  /** The store of {@code tableName}; {@code client} must be an Enhanced Client of {@code dynamo}. */
  public ProductStore(DynamoDbEnhancedClient client, DynamoDbClient dynamo, String tableName) {
    this.client = client;
    this.table = client.table(tableName, SCHEMA);
    this.dynamo = dynamo;
  }

  /** Created on first use of the async API, so the blocking handlers never pay for it at cold start. */
  private static final class AsyncExecutor {
    static final Executor INSTANCE = Executors.newVirtualThreadPerTaskExecutor();
  }

  /**
   * The product an item of the products table holds (a stream image, for example), mapped through the table's
   * schema; empty for an item that is not a whole product: one without an id, name, price, currency, category,
   * version or timestamps, which every write of this store gives a product. The table holds nothing else today;
   * the check keeps a consumer of its items from failing on anything that ever shares it.
   */
  public static Optional<Product> product(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    Product product = SCHEMA.mapToItem(item);
    boolean whole =
        product.getId() != null
            && product.getName() != null
            && product.getPrice() != null
            && product.getCurrency() != null
            && product.getCategory() != null
            && product.getVersion() != null
            && product.getCreatedAt() != null
            && product.getUpdatedAt() != null;
    return whole ? Optional.of(product.applyDefaults()) : Optional.empty();
  }

  /** The product, read with strong consistency so a client always sees its own last write. */
  public Optional<Product> find(String id) {
    return Optional.ofNullable(
        table.getItem(GetItemEnhancedRequest.builder().key(key(id)).consistentRead(true).build()));
  }

  /**
   * Writes {@code product} if the stored product is still the one it was read as: the same version and the same
   * incarnation (null version: no product with this id exists). The incarnation matters because versions start again
   * at 1 after a delete: a write based on a product read before a delete and re-create must not land on the new one.
   * A new product gets a fresh incarnation unless it has one. On success the product's version is the new one;
   * returns false when the condition failed.
   */
  public boolean save(Product product) {
    PutItemEnhancedRequest.Builder<Product> request = PutItemEnhancedRequest.builder(Product.class);
    if (product.getVersion() == null) {
      if (product.getIncarnation() == null) {
        product.setIncarnation(newIncarnation());
      }
    } else {
      request.conditionExpression(sameIncarnation(product.getIncarnation()));
    }
    request.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    try {
      table.putItem(request.item(product).build());
    } catch (ConditionalCheckFailedException failed) {
      if (!isOwnEarlierWrite(failed, product)) {
        return false;
      }
    }
    product.setVersion(nextVersion(product.getVersion()));
    return true;
  }

  /**
   * Whether a write's condition failed only because an earlier attempt of the same call succeeded: the SDK retried
   * after the first attempt's response was lost (reset, timeout), and the retry found the item that attempt wrote.
   * The item found is compared with the one written: the next version of the same incarnation, the same
   * {@code updatedAt} to the millisecond and the same content; another writer's item differs in one of them.
   */
  private static boolean isOwnEarlierWrite(
      ConditionalCheckFailedException failed, Product written) {
    if (!failed.hasItem() || failed.item().isEmpty()) {
      return false;
    }
    Product found = SCHEMA.mapToItem(failed.item());
    return Long.valueOf(nextVersion(written.getVersion())).equals(found.getVersion())
        && Objects.equals(written.getIncarnation(), found.getIncarnation())
        && Objects.equals(written.getUpdatedAt(), found.getUpdatedAt())
        && Objects.equals(written.getCreatedAt(), found.getCreatedAt())
        && ConditionalWrite.sameContent(found, written);
  }

  /** What a {@link #write} does with the attributes a product gets when it is created under its id. */
  enum WriteMode {
    /**
     * PUT: creates the product when no item has its id (version 1, {@code createdAt} and {@code createdBy} the
     * write's, {@link ProductWrite#incarnation()}), else replaces the fields and keeps those. Refused on an item
     * stored without an incarnation or {@code createdBy}, which only {@link #UPDATE} keeps as they are.
     */
    CREATE_OR_REPLACE,
    /** PATCH, and PUT of an older item: changes an existing product's fields only; an absent one is refused. */
    UPDATE
  }

  /**
   * One PUT or PATCH as a single conditional write: set {@code fields} (client-writable names; a null value in
   * {@code values} removes the attribute, which only {@code description} can have), stamp {@code updatedAt} and
   * {@code updatedBy}, increment the version, and keep {@code token} among the product's {@link #RECENT_WRITES};
   * and only if {@code precondition} (null: none) holds, at least one field would change, and {@code token} is not
   * among them yet.
   */
  record ProductWrite(
      String id,
      WriteMode mode,
      Product values,
      Set<String> fields,
      Instant updatedAt,
      String updatedBy,
      String incarnation,
      String token,
      Expression precondition) {
    ProductWrite {
      if (fields.isEmpty()) {
        throw new IllegalArgumentException("a write of no field changes nothing");
      }
      fields = new TreeSet<>(fields); // one order, so the same write is always the same request
    }
  }

  /** How a {@link #write} ended. */
  sealed interface WriteResult permits Written, Refused, AlreadyApplied {}

  /** Written: the product as stored after the write; {@code created} when no item had its id before. */
  record Written(Product product, boolean created) implements WriteResult {}

  /**
   * Refused by its condition, nothing written: {@code found} is the item the condition was evaluated on (null when
   * absent), for the caller to tell why.
   */
  record Refused(Product found) implements WriteResult {}

  /**
   * Refused because this write's own token is on the item: an earlier attempt of this very call was applied, its
   * answer lost, and the SDK sent it again. {@code found} is the item now and {@code later} the number of writes
   * applied since that attempt (0: the item is as that attempt left it; its version was {@code found}'s minus
   * {@code later}).
   */
  record AlreadyApplied(Product found, int later) implements WriteResult {}

  /**
   * How many of a product's latest PUT and PATCH writes it remembers, by their tokens in attributes {@code w0} (the
   * latest) to {@code w7}: a retried attempt of one of them is recognised on the item and not applied again. Every
   * write shifts the list by one, in the same {@code UpdateItem} (DynamoDB evaluates every action of an update
   * expression on the item as it was before it, so {@code w1 = w0} takes the old {@code w0}). Eight entries of 11
   * characters add about 100 bytes to an item.
   */
  static final int RECENT_WRITES = 8;

  /** The attribute holding the token of the {@code i}th latest write (0: the latest). */
  static String recentWrite(int i) {
    return "w" + i;
  }

  /**
   * A write's token: 64 random bits (SecureRandom, through a random UUID), as 11 base64url characters, unique among a
   * product's {@link #RECENT_WRITES} with overwhelming odds.
   */
  static String newWriteToken() {
    byte[] bits =
        ByteBuffer.allocate(8).putLong(UUID.randomUUID().getLeastSignificantBits()).array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /**
   * Applies {@code write} with one {@code UpdateItem}, which returns the product as written ({@code ALL_NEW}) or, when
   * its condition fails, the item it failed on ({@code ALL_OLD}). The update, for a PATCH of stock and price:
   *
   * <pre>
   * SET #price = :price, #stock = :stock, #updatedAt = :updatedAt, #updatedBy = :updatedBy,
   *     #version = #version + :one,
   *     #w0 = :token, #w1 = if_not_exists(#w0, :token), ..., #w7 = if_not_exists(#w6, :token)
   * condition: attribute_exists(#id) AND (precondition) AND NOT (#price = :price AND #stock = :stock)
   *     AND NOT (#w0 = :token OR ... OR #w7 = :token)
   * </pre>
   *
   * and for a PUT, every field set (or {@code description} removed), and
   *
   * <pre>
   * SET ..., #version = if_not_exists(#version, :zero) + :one, #createdAt = if_not_exists(#createdAt, :updatedAt),
   *     #createdBy = if_not_exists(#createdBy, :updatedBy), #incarnation = if_not_exists(#incarnation, :incarnation)
   * condition: (attribute_not_exists(#id) OR (attribute_exists(#incarnation) AND attribute_exists(#createdBy)))
   *     AND (precondition) AND (attribute_not_exists(#id) OR NOT (#name = :name AND ... AND #stock = :stock))
   * </pre>
   *
   * Numbers compare by value and lists element by element, so "nothing would change" is decided by DynamoDB on the
   * item as it is at that moment, as the field comparison of ConditionalWrite would decide it.
   */
  WriteResult write(ProductWrite write) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    List<String> same = new ArrayList<>();
    for (String field : write.fields()) {
      String name = "#" + field;
      names.put(name, field);
      AttributeValue value = SCHEMA.attributeValue(write.values(), field);
      if (value == null || Boolean.TRUE.equals(value.nul())) {
        remove.add(name);
        same.add("attribute_not_exists(" + name + ")");
      } else {
        values.put(":" + field, value);
        set.add(name + " = :" + field);
        same.add(name + " = :" + field);
      }
    }
    names.put("#id", "id");
    names.put("#version", "version");
    names.put("#updatedAt", "updatedAt");
    values.put(":updatedAt", SCHEMA.attributeValue(stamped(write), "updatedAt"));
    values.put(":one", AttributeValue.fromN("1"));
    set.add("#updatedAt = :updatedAt");
    names.put("#updatedBy", "updatedBy");
    if (write.updatedBy() != null) {
      values.put(":updatedBy", AttributeValue.fromS(write.updatedBy()));
      set.add("#updatedBy = :updatedBy");
    } else {
      remove.add("#updatedBy");
    }
    String unchanged = "(" + String.join(" AND ", same) + ")";
    String condition;
    if (write.mode() == WriteMode.UPDATE) {
      set.add("#version = #version + :one");
      condition = "attribute_exists(#id) AND NOT " + unchanged;
    } else {
      names.put("#createdAt", "createdAt");
      names.put("#createdBy", "createdBy");
      names.put("#incarnation", "incarnation");
      values.put(":zero", AttributeValue.fromN("0"));
      values.put(":incarnation", AttributeValue.fromS(write.incarnation()));
      set.add("#version = if_not_exists(#version, :zero) + :one");
      set.add("#createdAt = if_not_exists(#createdAt, :updatedAt)");
      if (write.updatedBy() != null) {
        set.add("#createdBy = if_not_exists(#createdBy, :updatedBy)");
      }
      set.add("#incarnation = if_not_exists(#incarnation, :incarnation)");
      condition =
          "(attribute_not_exists(#id) OR (attribute_exists(#incarnation) AND attribute_exists(#createdBy)))"
              + " AND (attribute_not_exists(#id) OR NOT "
              + unchanged
              + ")";
    }
    List<String> seen = new ArrayList<>();
    values.put(":token", AttributeValue.fromS(write.token()));
    for (int i = 0; i < RECENT_WRITES; i++) {
      names.put("#w" + i, recentWrite(i));
      set.add(i == 0 ? "#w0 = :token" : "#w" + i + " = if_not_exists(#w" + (i - 1) + ", :token)");
      seen.add("#w" + i + " = :token");
    }
    condition = condition + " AND NOT (" + String.join(" OR ", seen) + ")";
    if (write.precondition() != null) {
      condition = condition + " AND " + write.precondition().expression();
      if (write.precondition().expressionNames() != null) {
        names.putAll(write.precondition().expressionNames());
      }
      if (write.precondition().expressionValues() != null) {
        values.putAll(write.precondition().expressionValues());
      }
    }
    String update =
        "SET "
            + String.join(", ", set)
            + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    String guarded = condition;
    try {
      UpdateItemResponse response =
          dynamo.updateItem(
              request ->
                  request
                      .tableName(table.tableName())
                      .key(Map.of("id", AttributeValue.fromS(write.id())))
                      .updateExpression(update)
                      .conditionExpression(guarded)
                      .expressionAttributeNames(names)
                      .expressionAttributeValues(values)
                      .returnValues(ReturnValue.ALL_NEW)
                      .overrideConfiguration(
                          o -> o.apiCallAttemptTimeout(DynamoDbClients.WRITE_ATTEMPT_TIMEOUT))
                      .returnValuesOnConditionCheckFailure(
                          ReturnValuesOnConditionCheckFailure.ALL_OLD));
      Product written = SCHEMA.mapToItem(response.attributes()).applyDefaults();
      return new Written(
          written,
          write.mode() == WriteMode.CREATE_OR_REPLACE
              && write.incarnation().equals(written.getIncarnation()));
    } catch (ConditionalCheckFailedException refused) {
      if (!refused.hasItem() || refused.item().isEmpty()) {
        return new Refused(null);
      }
      Product found = SCHEMA.mapToItem(refused.item()).applyDefaults();
      for (int i = 0; i < RECENT_WRITES; i++) {
        AttributeValue token = refused.item().get(recentWrite(i));
        if (token != null && write.token().equals(token.s())) {
          return new AlreadyApplied(found, i);
        }
      }
      return new Refused(found);
    }
  }

  /** A product holding only the write's {@code updatedAt}, to convert it as the schema stores instants. */
  private static Product stamped(ProductWrite write) {
    Product stamp = new Product();
    stamp.setUpdatedAt(write.updatedAt());
    return stamp;
  }

  /**
   * Creates {@code product} and claims the idempotency record in one transaction, so either both exist or neither
   * does. Returns false when the record's key was already claimed (the caller replays the first result).
   */
  public boolean createIdempotently(
      Product product, IdempotencyStore idempotency, IdempotencyRecord record) {
    if (product.getIncarnation() == null) {
      product.setIncarnation(newIncarnation());
    }
    try {
      // The token makes the SDK's retry of a transaction whose response was lost a no-op that
      // answers success
      // (DynamoDB remembers tokens for 10 minutes), instead of a cancellation by its own first
      // attempt.
      client.transactWriteItems(
          TransactWriteItemsEnhancedRequest.builder()
              .addPutItem(idempotency.table(), idempotency.claim(record))
              .addPutItem(
                  table,
                  TransactPutItemEnhancedRequest.builder(Product.class).item(product).build())
              .clientRequestToken(UUID.randomUUID().toString())
              .build());
      product.setVersion(nextVersion(product.getVersion()));
      return true;
    } catch (TransactionCanceledException cancelled) {
      if (cancelled.hasCancellationReasons()
          && "ConditionalCheckFailed".equals(cancelled.cancellationReasons().get(0).code())) {
        return false;
      }
      throw cancelled;
    }
  }

  /**
   * Deletes the product if it exists and, when {@code expected} is given, is still that product: the same version of
   * the same incarnation. Returns false when the condition failed (absent, or changed). A condition that failed on a
   * retry because the product was absent counts as deleted: the call's earlier attempt, whose answer was lost, had
   * found the product there (else its condition would have failed and answered) and may have deleted it; no answer
   * can tell that attempt from a concurrent delete, and either way the product the client meant is gone.
   */
  public boolean delete(String id, Product expected) {
    Expression condition =
        Expression.builder()
            .expression("attribute_exists(#id)")
            .putExpressionName("#id", "id")
            .build();
    if (expected != null) {
      condition =
          Expression.and(
              List.of(
                  condition,
                  Expression.builder()
                      .expression("#version = :version")
                      .putExpressionName("#version", "version")
                      .putExpressionValue(
                          ":version", AttributeValue.fromN(expected.getVersion().toString()))
                      .build(),
                  sameIncarnation(expected.getIncarnation())));
    }
    try {
      table.deleteItem(
          DeleteItemEnhancedRequest.builder()
              .key(key(id))
              .conditionExpression(condition)
              .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
              .build());
      return true;
    } catch (ConditionalCheckFailedException absentOrChanged) {
      boolean absent = !absentOrChanged.hasItem() || absentOrChanged.item().isEmpty();
      return absent && retried(absentOrChanged);
    }
  }

  private static boolean retried(ConditionalCheckFailedException failed) {
    return failed.numAttempts() != null && failed.numAttempts() > 1;
  }

  /**
   * A new product's incarnation: the 122 random bits of a random UUID (SecureRandom, as POST's ids), as 22 base64url
   * characters.
   */
  static String newIncarnation() {
    UUID random = UUID.randomUUID();
    byte[] bits =
        ByteBuffer.allocate(16)
            .putLong(random.getMostSignificantBits())
            .putLong(random.getLeastSignificantBits())
            .array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /** The stored product has this incarnation; null means one stored before incarnations existed. */
  private static Expression sameIncarnation(String incarnation) {
    Expression.Builder condition =
        Expression.builder().putExpressionName("#incarnation", "incarnation");
    return incarnation == null
        ? condition.expression("attribute_not_exists(#incarnation)").build()
        : condition
            .expression("#incarnation = :incarnation")
            .putExpressionValue(":incarnation", AttributeValue.fromS(incarnation))
            .build();
  }

  /**
   * One page of products: by category through the {@value #CATEGORY_INDEX} index (a Query, never a filtered Scan),
   * or all products through a Scan. DynamoDB ends a response at 1 MB whatever the limit, so requests continue from
   * where the last one stopped until the page is full or the data ends: no page but the last is short. One extra item
   * is read to know whether another page exists, so the last page says so instead of handing out a cursor to an
   * empty page.
   */
  public ProductPage list(String category, int limit, Map<String, AttributeValue> startKey) {
    List<Product> items = new ArrayList<>(limit + 1);
    Map<String, AttributeValue> from = startKey;
    do {
      Page<Product> page = read(category, limit + 1 - items.size(), from);
      items.addAll(page.items());
      from =
          page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty()
              ? null
              : page.lastEvaluatedKey();
    } while (items.size() <= limit && from != null);
    if (items.size() > limit) {
      return new ProductPage(
          items.subList(0, limit), keyOf(items.get(limit - 1), category != null));
    }
    return new ProductPage(items, null);
  }

  /** One DynamoDB request of at most {@code count} items, which may return fewer when it reaches 1 MB. */
  private Page<Product> read(String category, int count, Map<String, AttributeValue> startKey) {
    if (category != null) {
      return table
          .index(CATEGORY_INDEX)
          .query(
              QueryEnhancedRequest.builder()
                  .queryConditional(
                      QueryConditional.keyEqualTo(Key.builder().partitionValue(category).build()))
                  .limit(count)
                  .exclusiveStartKey(startKey)
                  .build())
          .iterator()
          .next();
    }
    return table
        .scan(ScanEnhancedRequest.builder().limit(count).exclusiveStartKey(startKey).build())
        .iterator()
        .next();
  }

  /** The version the versioned-record extension writes after {@code current} (1 for a new item). */
  static long nextVersion(Long current) {
    return current == null ? 1 : current + 1;
  }

  public CompletableFuture<Optional<Product>> findAsync(String id) {
    return CompletableFuture.supplyAsync(() -> find(id), AsyncExecutor.INSTANCE);
  }

  public CompletableFuture<Boolean> saveAsync(Product product) {
    return CompletableFuture.supplyAsync(() -> save(product), AsyncExecutor.INSTANCE);
  }

  public CompletableFuture<Boolean> deleteAsync(String id, Product expected) {
    return CompletableFuture.supplyAsync(() -> delete(id, expected), AsyncExecutor.INSTANCE);
  }

  public CompletableFuture<ProductPage> listAsync(
      String category, int limit, Map<String, AttributeValue> startKey) {
    return CompletableFuture.supplyAsync(
        () -> list(category, limit, startKey), AsyncExecutor.INSTANCE);
  }

  private static Key key(String id) {
    return Key.builder().partitionValue(id).build();
  }

  /** The exclusive start key that resumes after {@code product}: the table key, plus the index key for a Query. */
  private static Map<String, AttributeValue> keyOf(Product product, boolean byCategory) {
    AttributeValue id = AttributeValue.fromS(product.getId());
    return byCategory
        ? Map.of("id", id, "category", AttributeValue.fromS(product.getCategory()))
        : Map.of("id", id);
  }
}

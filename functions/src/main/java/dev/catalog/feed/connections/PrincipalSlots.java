package dev.catalog.feed.connections;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * How many feed connections each principal holds, kept so that a cap holds under concurrent {@code $connect}s: one
 * item per principal in the connections table, key {@code connectionId} {@code principal#<principal id>} (no
 * connection id holds a {@code #}) and {@code entry} {@value #ENTRY}, whose map {@code slots} holds each of its
 * connections' ids with the epoch second at which that connection ends at the latest.
 *
 * <p>Why one item with a map, and these writes:
 *
 * <ul>
 *   <li>A slot is taken by one conditional UpdateItem, {@code SET slots.#connection = :expiresAt} if
 *       {@code size(slots) < :max}: DynamoDB applies conditional writes to one item one at a time, so 30 concurrent
 *       {@code $connect}s of one principal leave exactly {@code max} entries, never more. A count followed by a write
 *       (a Query of the principal's connections, then a Put) would let them all count 9 and all write.
 *   <li>Each entry carries its own expiry, so a connection that vanished without a {@code $disconnect} (API Gateway
 *       delivers it on a best-effort basis; a function can fail) does not hold its slot for ever: a refused write
 *       returns the item as it was ({@code ReturnValuesOnConditionCheckFailure ALL_OLD}, no extra read), and when
 *       some of its entries have expired, one more conditional write removes exactly those and adds the new one
 *       (its condition: each of them is still there, and the map holds fewer than {@code max} plus their number).
 *       A count kept in a number instead could not tell which connections were gone, and would drift.
 *   <li>The item expires itself (TTL {@code expiresAt}) with its latest entry, so a principal that stops connecting
 *       leaves nothing behind. Its size stays small: at most {@code max} entries of about 40 bytes.
 * </ul>
 *
 * Per-principal slot items (one item per slot number, taken with {@code attribute_not_exists}) would need a read of
 * up to {@code max} items to find a free one; the map needs one write in the usual case.
 */
final class PrincipalSlots {
  /** The sort key of a principal's item; a connection's entries are {@value Topic#CONNECTION} or topic keys. */
  static final String ENTRY = "slots";

  /** The partition key's prefix: API Gateway's connection ids never contain {@code #}. */
  static final String PREFIX = "principal#";

  /**
   * Writes one {@code $connect} tries at most: each refused write means another one on the same item succeeded, so
   * only a burst of many concurrent connects of one principal gets near it.
   */
  private static final int ATTEMPTS = 16;

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final Clock clock;

  PrincipalSlots(DynamoDbClient dynamo, String tableName, Clock clock) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.clock = clock;
  }

  /**
   * Takes a slot of {@code principalId} for the connection, until {@code expiresAt} at the latest; false when the
   * principal already holds {@code max} connections that have not ended.
   */
  boolean take(String principalId, String connectionId, long expiresAt, int max) {
    Map<String, AttributeValue> seen = null; // the item as last returned; null before any write
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        if (seen != null && !seen.containsKey("slots")) {
          create(principalId, connectionId, expiresAt);
        } else {
          add(principalId, connectionId, expiresAt, max, seen == null ? List.of() : expired(seen));
        }
        return true;
      } catch (ConditionalCheckFailedException refused) {
        seen = refused.hasItem() ? refused.item() : Map.of();
        Map<String, AttributeValue> slots =
            seen.containsKey("slots") ? seen.get("slots").m() : Map.of();
        if (slots.containsKey(connectionId)) {
          return true; // this connect's own write, whose answer was lost and retried by the SDK
        }
        if (slots.size() - expired(seen).size() >= max) {
          return false;
        }
      }
    }
    return false; // so many concurrent connects of one principal that it is well past its cap
  }

  /** Gives the connection's slot back; nothing to do when it holds none (never taken, or already given back). */
  void release(String principalId, String connectionId) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(tableName)
                  .key(key(principalId))
                  .updateExpression("REMOVE #slots.#connection")
                  .conditionExpression("attribute_exists(#slots.#connection)")
                  .expressionAttributeNames(
                      Map.of("#slots", "slots", "#connection", connectionId)));
    } catch (ConditionalCheckFailedException notHeld) {
      // Nothing held: $disconnect of a connection refused at $connect, or run twice.
    }
  }

  /** The connections of the principal's item whose end has passed. */
  private List<String> expired(Map<String, AttributeValue> item) {
    long now = clock.instant().getEpochSecond();
    List<String> expired = new ArrayList<>();
    AttributeValue slots = item.get("slots");
    if (slots != null && slots.hasM()) {
      slots
          .m()
          .forEach(
              (connection, end) -> {
                if (Long.parseLong(end.n()) <= now) {
                  expired.add(connection);
                }
              });
    }
    return expired;
  }

  /**
   * Adds the connection's entry, removing {@code expired}; refused when the item is absent, when one of
   * {@code expired} is gone (another connect removed it), or when the map would hold more than {@code max}.
   */
  private void add(
      String principalId, String connectionId, long expiresAt, int max, List<String> expired) {
    Map<String, String> names = new HashMap<>();
    names.put("#slots", "slots");
    names.put("#connection", connectionId);
    names.put("#expiresAt", "expiresAt");
    StringBuilder remove = new StringBuilder();
    StringBuilder condition = new StringBuilder("size(#slots) < :limit");
    for (int i = 0; i < expired.size(); i++) {
      names.put("#e" + i, expired.get(i));
      remove.append(i == 0 ? " REMOVE " : ", ").append("#slots.#e").append(i);
      condition.append(" AND attribute_exists(#slots.#e").append(i).append(')');
    }
    dynamo.updateItem(
        r ->
            r.tableName(tableName)
                .key(key(principalId))
                .updateExpression("SET #slots.#connection = :end, #expiresAt = :end" + remove)
                .conditionExpression(condition.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(
                    Map.of(
                        ":end", number(expiresAt),
                        ":limit", number(max + expired.size())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
  }

  /** The principal's first slot: its item, unless another connect created it meanwhile. */
  private void create(String principalId, String connectionId, long expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(principalId));
    item.put("slots", AttributeValue.fromM(Map.of(connectionId, number(expiresAt))));
    item.put("expiresAt", number(expiresAt));
    dynamo.putItem(
        r ->
            r.tableName(tableName)
                .item(item)
                .conditionExpression("attribute_not_exists(connectionId)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
  }

  static Map<String, AttributeValue> key(String principalId) {
    return Map.of(
        "connectionId", AttributeValue.fromS(PREFIX + principalId),
        "entry", AttributeValue.fromS(ENTRY));
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}

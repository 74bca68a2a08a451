package dev.catalog.products;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.HttpDate;
import dev.catalog.idempotency.IdempotencyRecord;
import dev.catalog.idempotency.IdempotencyStore;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * POST with an {@code Idempotency-Key}: the first request creates the product and records its response in the same
 * transaction; a retry with the same key and the same body within {@link IdempotencyStore#RETENTION} gets that
 * response again (with {@code Idempotent-Replayed: true}) and creates nothing; the same key with another body is 422.
 * "The same body" is the same JSON value: see {@link Body}.
 *
 * <p>A key belongs to its caller (the principal: a person's {@code sub}, a service's client id): the record is stored
 * under the operation, the caller and the key ({@link #recordKey}), so another caller sending the same key finds no
 * record, is told nothing of the first caller's request, and creates its own product; the same key with another body
 * from another caller is its own fresh key, not a 422. The record also names its caller, and a record found for
 * another caller is never replayed ({@link #ownRecord}).
 *
 * <p>Records written before keys were scoped by caller ({@code POST /products <key>}, no caller) are ignored: they
 * are never read, so never replayed to anyone, and expire within {@link IdempotencyStore#RETENTION} of their writing.
 * Their key carries no caller; the body they hold names its creator, but honouring them for that creator alone would
 * cost a second read on every first request for as long as the fallback stayed. What ignoring costs instead is
 * bounded and visible: a retry that spans the deploy creates a second product for the same caller.
 */
final class IdempotentCreate {
  static final String HEADER = "Idempotency-Key";

  /** Keys are opaque to the server: 1 to 255 visible ASCII characters, e.g. a UUID. */
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  /**
   * Keys are scoped to the operation, so one key cannot collide with another route's, and to the caller, so one
   * caller's key cannot collide with another's.
   */
  private static final String SCOPE = "POST /products ";

  private final ProductStore products;
  private final IdempotencyStore idempotency;

  IdempotentCreate(ProductsContext context) {
    this.products = context.products();
    this.idempotency = context.idempotency();
  }

  /** The request's key, or null when it has none; a malformed key is a 400. */
  static String key(ApiRequest request) {
    String key = request.header(HEADER);
    if (key != null && !KEY.matcher(key).matches()) {
      throw HttpError.badRequest(
          "invalid-idempotency-key",
          "Invalid Idempotency-Key",
          "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.");
    }
    return key;
  }

  /**
   * The record's partition key: {@code POST /products <caller> <key>}. The key (no white space) is the last word, so
   * no two pairs of caller and key give one record key, and none equals a record key of the old form {@code POST
   * /products <key>}, which has one word after the operation.
   */
  static String recordKey(String caller, String key) {
    return SCOPE + caller + " " + key;
  }

  /**
   * Creates {@code product} from {@code body} (the parsed request body; {@code bytes}, the same as sent) under
   * {@code caller}'s {@code key}, or replays the first response to that caller and key.
   */
  ApiResponse create(
      String caller, String key, ObjectNode body, byte[] bytes, Product product, String location) {
    String recordKey = recordKey(caller, key);
    Body request = new Body(body, bytes);
    var existing = idempotency.find(recordKey).filter(r -> ownRecord(r, caller));
    if (existing.isPresent()) {
      return replay(existing.get(), request);
    }
    // The record holds the response as it will be once written: the write sets version 1 and keeps
    // the incarnation.
    product.setVersion(ProductStore.nextVersion(null));
    product.setIncarnation(ProductStore.newIncarnation());
    IdempotencyRecord record = new IdempotencyRecord();
    record.setIdempotencyKey(recordKey);
    record.setCaller(caller);
    record.setRequestHash(request.fingerprint());
    record.setStatus(201);
    record.setLocation(location);
    record.setEtag(ProductResource.etag(product));
    record.setLastModified(HttpDate.format(product.getUpdatedAt()));
    record.setBody(ProductJson.write(product));
    product.setVersion(null);
    if (products.createIdempotently(product, idempotency, idempotency.expiring(record))) {
      return response(record);
    }
    // The key was claimed after all: by this request's own first attempt (the same ETag, whose
    // incarnation is random),
    // or by a concurrent request with the same key, whose answer this one replays.
    IdempotencyRecord claimed =
        idempotency
            .find(recordKey)
            .filter(r -> ownRecord(r, caller))
            .orElseThrow(
                () ->
                    HttpError.conflict(
                        "A request with this Idempotency-Key is being processed; try again."));
    return claimed.getEtag().equals(record.getEtag())
        ? response(claimed)
        : replay(claimed, request);
  }

  /**
   * Whether {@code record} is {@code caller}'s. Its key already names the caller; this also holds if a record were
   * ever written under a key that did not, so that no record is replayed to a caller it does not name.
   */
  private static boolean ownRecord(IdempotencyRecord record, String caller) {
    return caller.equals(record.getCaller());
  }

  /**
   * A request body as parsed and as sent. Its fingerprint is that of its JSON value ({@link Json#canonical}), so a
   * client that re-serializes its body for a retry sends the same body; records written before compared bytes.
   */
  private record Body(ObjectNode json, byte[] bytes) {
    static final String PREFIX = "json-sha256:";

    String fingerprint() {
      return PREFIX + sha256(Json.canonical(json).getBytes(StandardCharsets.UTF_8));
    }

    boolean matches(String recorded) {
      return recorded.startsWith(PREFIX)
          ? recorded.equals(fingerprint())
          : recorded.equals(sha256(bytes));
    }
  }

  private static ApiResponse replay(IdempotencyRecord record, Body request) {
    if (!request.matches(record.getRequestHash())) {
      throw HttpError.unprocessable(
          "idempotency-key-reused",
          "Idempotency-Key reused",
          "This Idempotency-Key was used with a different request body; use a new key for a new request.");
    }
    return response(record).header("Idempotent-Replayed", "true");
  }

  private static ApiResponse response(IdempotencyRecord record) {
    ApiResponse response =
        ApiResponse.json(record.getStatus(), record.getBody())
            .header("Location", record.getLocation())
            .header("ETag", record.getEtag());
    return record.getLastModified() == null
        ? response
        : response.header("Last-Modified", record.getLastModified());
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}

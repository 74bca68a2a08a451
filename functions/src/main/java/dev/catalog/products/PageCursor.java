package dev.catalog.products;

import dev.catalog.kernel.HttpError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque list cursors: the DynamoDB key to resume after, bound to the query it belongs to (the category, or all) and
 * signed with HMAC-SHA256, so a cursor the API did not issue, one tampered with, or one from another query is a 400
 * rather than a scan from an arbitrary key.
 */
public final class PageCursor {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** 128 bits of the MAC: plenty against forgery, and keeps cursors short. */
  private static final int MAC_BYTES = 16;

  private static final char SEPARATOR = '\n';

  private final SecretKeySpec key;

  public PageCursor(String signingKey) {
    if (signingKey == null || signingKey.isEmpty()) {
      throw new IllegalStateException("The cursor signing key is empty.");
    }
    this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The cursor for resuming {@code category}'s listing (null: all products) after {@code lastKey}. */
  public String encode(String category, Map<String, AttributeValue> lastKey) {
    String payload = lastKey.get("id").s() + SEPARATOR + (category == null ? "" : category);
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
  }

  /** The key to resume after, if {@code cursor} was issued by this API for the same {@code category}. */
  public Map<String, AttributeValue> decode(String cursor, String category) {
    int dot = cursor.indexOf('.');
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
      signature = DECODER.decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    // Comparing the text too: base64 has several spellings of the same bytes (in the unused low
    // bits of the last
    // character), and only the one this API issued is a cursor it issued.
    if (dot < 0
        || !MessageDigest.isEqual(signature, mac(payload))
        || !cursor.equals(
            ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature))) {
      throw invalid();
    }
    // Base64 has more than one spelling of the same bytes (unused low bits of the last character,
    // padding): only
    // the spelling this API issues is accepted, so a cursor string it did not hand out is refused,
    // not "the same".
    if (!cursor.equals(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature))) {
      throw invalid();
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    int separator = text.indexOf(SEPARATOR);
    String id = text.substring(0, separator);
    String issuedFor = text.substring(separator + 1);
    if (!issuedFor.equals(category == null ? "" : category)) {
      throw HttpError.badRequest(
          "invalid-cursor",
          "Invalid cursor",
          "The cursor belongs to another listing; pass the same category it was issued for.");
    }
    if (!ProductResource.isId(id)) {
      throw invalid();
    }
    AttributeValue idValue = AttributeValue.fromS(id);
    return category == null
        ? Map.of("id", idValue)
        : Map.of("id", idValue, "category", AttributeValue.fromS(category));
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static HttpError invalid() {
    return HttpError.badRequest(
        "invalid-cursor",
        "Invalid cursor",
        "The cursor was not issued by this API or has been altered; start again without one.");
  }
}

package dev.catalog.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/**
 * A request's body taken in as one JSON object, the same way wherever it arrives (a REST request, a WebSocket
 * message): present, base64-decoded when the event says so, within a size limit counted in UTF-8 bytes, then parsed
 * strictly ({@link Json}).
 */
public final class JsonBody {
  private JsonBody() {}

  /** The body as a JSON object; every way it can fail is a 4xx {@link HttpError}. */
  public static ObjectNode read(String body, boolean base64, int maxBytes) {
    if (body == null || body.isEmpty()) {
      throw HttpError.badRequest(
          "missing-body", "Missing request body", "This request needs a JSON body.");
    }
    if (base64) {
      byte[] bytes = decode(body);
      requireSize(bytes.length, maxBytes);
      return Json.readObject(bytes);
    }
    // Each char is at least one UTF-8 byte, so a long string is refused without encoding it.
    requireSize(body.length() > maxBytes ? body.length() : utf8Length(body), maxBytes);
    return Json.readObject(body);
  }

  /** The bytes of a base64 body; a 400 when it is not base64. */
  public static byte[] decode(String base64) {
    try {
      // The basic decoder, not the MIME one, which skips characters outside the alphabet and so
      // accepts garbage.
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(
          "malformed-body", "Malformed request body", "The body is not valid base64.");
    }
  }

  private static void requireSize(int bytes, int maxBytes) {
    if (bytes > maxBytes) {
      throw HttpError.payloadTooLarge(
          "The body is " + bytes + " bytes; the limit is " + maxBytes + " bytes.");
    }
  }

  private static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }
}

package dev.catalog.auth;

import java.util.Base64;

/**
 * Strict base64url (RFC 4648 §5) as a JWS spells it (RFC 7515 §2): the URL-safe alphabet only, no padding, no line
 * breaks, and the one canonical spelling of each byte string, so that no token has two spellings that verify alike.
 * The JDK's decoder alone accepts {@code =} padding and ignores the unused low bits of the last character (so
 * {@code AQ}, {@code AR} … {@code AZ} all decode to the byte 1); here only {@code AQ} does.
 */
final class Base64Url {
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Base64Url() {}

  /**
   * The JDK's URL decoder refuses any character outside the alphabet but {@code =}; encoding the bytes back without
   * padding gives the one canonical spelling, which must be the text itself (no padding, no stray low bits).
   *
   * @throws IllegalArgumentException when {@code text} is not the canonical unpadded base64url of some bytes
   */
  static byte[] decode(String text) {
    byte[] bytes = DECODER.decode(text);
    if (!ENCODER.encodeToString(bytes).equals(text)) {
      throw new IllegalArgumentException("not the canonical base64url of its bytes");
    }
    return bytes;
  }
}

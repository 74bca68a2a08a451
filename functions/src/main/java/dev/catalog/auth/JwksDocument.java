package dev.catalog.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.HashMap;
import java.util.Map;

/**
 * A JWKS document (RFC 7517) read into the keys the authorizer may verify with: RSA keys for signatures
 * ({@code kty} RSA, {@code use} absent or {@code sig}, {@code alg} absent or RS256) of at least 2048 bits, by
 * {@code kid}. Any other key (EC, symmetric, encryption, another algorithm, malformed) is left out rather than
 * failing the set, so one odd key cannot take the others down.
 */
final class JwksDocument {
  static final int MIN_MODULUS_BITS = 2048;

  private JwksDocument() {}

  /** @throws IllegalArgumentException when the document is not a JWKS at all */
  static Map<String, RSAPublicKey> signingKeys(String document) {
    JsonNode keys;
    try {
      keys = Json.readObject(document).get("keys");
    } catch (HttpError notJson) {
      throw new IllegalArgumentException("the JWKS is not a JSON object");
    }
    if (keys == null || !keys.isArray()) {
      throw new IllegalArgumentException("the JWKS has no array of keys");
    }
    Map<String, RSAPublicKey> usable = new HashMap<>();
    for (JsonNode key : keys) {
      RSAPublicKey rsa = signingKey(key);
      if (rsa != null) {
        usable.putIfAbsent(key.get("kid").asText(), rsa);
      }
    }
    return Map.copyOf(usable);
  }

  private static RSAPublicKey signingKey(JsonNode key) {
    if (!key.isObject()
        || !"RSA".equals(text(key, "kty"))
        || text(key, "kid") == null
        || !absentOr(key, "use", "sig")
        || !absentOr(key, "alg", "RS256")) {
      return null;
    }
    try {
      BigInteger modulus = unsigned(text(key, "n"));
      BigInteger exponent = unsigned(text(key, "e"));
      if (modulus.bitLength() < MIN_MODULUS_BITS || exponent.signum() <= 0) {
        return null;
      }
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    } catch (IllegalArgumentException | NullPointerException | GeneralSecurityException malformed) {
      return null;
    }
  }

  private static boolean absentOr(JsonNode key, String member, String expected) {
    return !key.has(member) || expected.equals(text(key, member));
  }

  private static String text(JsonNode key, String member) {
    JsonNode value = key.get(member);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static BigInteger unsigned(String base64Url) {
    return new BigInteger(1, Base64Url.decode(base64Url));
  }
}

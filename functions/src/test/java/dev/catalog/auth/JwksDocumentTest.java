package dev.catalog.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which keys of a JWKS the authorizer may verify with: RSA signing keys of 2048 bits or more, nothing else. */
class JwksDocumentTest {
  static final RSAPublicKey KEY_2048 = rsa(2048);
  static final RSAPublicKey KEY_2047 = rsa(2047);

  static RSAPublicKey rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return (RSAPublicKey) generator.generateKeyPair().getPublic();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String jwk(String kid, RSAPublicKey key, UnaryOperator<RSAKey.Builder> change) {
    return change.apply(new RSAKey.Builder(key).keyID(kid)).build().toJSONString();
  }

  static Set<String> usable(String... jwks) {
    return JwksDocument.signingKeys("{\"keys\":[" + String.join(",", jwks) + "]}").keySet();
  }

  @Test
  void aKeyForEncryptionIsNotUsedForSignatures() {
    assertEquals(
        Set.of("sig", "unsaid"),
        usable(
            jwk("sig", KEY_2048, key -> key.keyUse(KeyUse.SIGNATURE)),
            jwk("enc", KEY_2048, key -> key.keyUse(KeyUse.ENCRYPTION)),
            jwk("unsaid", KEY_2048, key -> key)));
  }

  @Test
  void aKeyForAnotherAlgorithmIsNotUsed() {
    assertEquals(
        Set.of("rs256"),
        usable(
            jwk("rs256", KEY_2048, key -> key.algorithm(JWSAlgorithm.RS256)),
            jwk("ps256", KEY_2048, key -> key.algorithm(JWSAlgorithm.PS256))));
  }

  @Test
  void theSmallestKeyUsedHas2048Bits() {
    assertEquals(2047, KEY_2047.getModulus().bitLength());
    assertEquals(
        Set.of("2048"),
        usable(jwk("2048", KEY_2048, key -> key), jwk("2047", KEY_2047, key -> key)));
  }

  @Test
  void aKeyWhoseNumbersAreNotStrictBase64UrlIsNotUsed() {
    String valid = jwk("k", KEY_2048, key -> key);
    String exponent = "\"e\":\"AQAB\"";
    assertEquals(Set.of("k"), usable(valid));
    for (String spelt : List.of("\"e\":\"AQAB=\"", "\"e\":\"AQAB\\n\"", "\"e\":\"AQ+B\"")) {
      assertEquals(Set.of(), usable(valid.replace(exponent, spelt)), spelt);
    }
  }

  @Test
  void aKeyWithAZeroExponentIsNotUsed() {
    String valid = jwk("k", KEY_2048, key -> key);

    assertEquals(Set.of(), usable(valid.replace("\"e\":\"AQAB\"", "\"e\":\"AA\"")));
  }

  @Test
  void oneOddKeyDoesNotTakeTheOthersDown() {
    assertEquals(
        Set.of("good"),
        usable(
                "1",
                "{\"kty\":\"EC\",\"kid\":\"ec\"}",
                "{\"kty\":\"RSA\",\"kid\":\"no-numbers\"}",
                jwk("good", KEY_2048, key -> key))
            .stream()
            .collect(Collectors.toSet()));
  }
}

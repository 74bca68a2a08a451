package dev.catalog.products;

import static dev.catalog.kernel.HttpErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.kernel.HttpError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageCursorTest {
  private static final String NOT_ISSUED =
      "The cursor was not issued by this API or has been altered; start again without one.";

  private final PageCursor cursors = new PageCursor("test-signing-key");

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  private HttpError refused(String cursor, String category) {
    return assertProblem(400, "invalid-cursor", () -> cursors.decode(cursor, category));
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void cursorForAllProductsRoundTripsToTheTableKey() {
    assertEquals(key("p-41"), cursors.decode(cursors.encode(null, key("p-41")), null));
  }

  @Test
  void cursorForACategoryRoundTripsToTheIndexKey() {
    Map<String, AttributeValue> indexKey =
        Map.of("id", AttributeValue.fromS("p-41"), "category", AttributeValue.fromS("lighting"));
    assertEquals(indexKey, cursors.decode(cursors.encode("lighting", indexKey), "lighting"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Lampes à poser", "a\nb", "a.b", "😀"})
  void anyCategoryTextRoundTrips(String category) {
    assertEquals(
        "p-1", cursors.decode(cursors.encode(category, key("p-1")), category).get("id").s());
  }

  @Test
  void cursorIsUrlSafeWithoutEscaping() {
    assertTrue(
        cursors.encode("Lampes à poser", key("p-1")).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));
  }

  @Test
  void tamperedPayloadIs400() {
    String cursor = cursors.encode(null, key("p-1"));
    String forged = base64("p-9\n") + cursor.substring(cursor.indexOf('.'));
    assertEquals(NOT_ISSUED, refused(forged, null).detail());
  }

  @Test
  void tamperedSignatureIs400() {
    String cursor = cursors.encode(null, key("p-1"));
    // The first character of the signature carries six bits of it; the last carries padding bits
    // too.
    int first = cursor.indexOf('.') + 1;
    char flipped = cursor.charAt(first) == 'A' ? 'B' : 'A';
    refused(cursor.substring(0, first) + flipped + cursor.substring(first + 1), null);
  }

  @Test
  void truncatedCursorIs400() {
    String cursor = cursors.encode("lighting", key("p-1"));
    int dot = cursor.indexOf('.');
    for (int length : new int[] {cursor.length() - 1, cursor.length() - 4, dot + 1, dot, 1}) {
      refused(cursor.substring(0, length), "lighting");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "garbage",
        "!!!.!!!",
        "a.b.c",
        "cC0x.Zm9v",
        "%2E",
        "é.é",
        "p-1",
        " . "
      })
  void garbageIs400(String cursor) {
    refused(cursor, null);
  }

  @Test
  void cursorWithoutASignatureIs400() {
    refused(base64("p-1\n"), null);
    refused(base64("p-1\n") + ".", null);
  }

  @Test
  void cursorOfAnotherCategoryIs400SayingSo() {
    String lighting = cursors.encode("lighting", key("p-1"));
    HttpError error = refused(lighting, "desks");
    assertEquals(
        "The cursor belongs to another listing; pass the same category it was issued for.",
        error.detail());
    refused(lighting, null);
    refused(cursors.encode(null, key("p-1")), "lighting");
  }

  @Test
  void cursorSignedWithAnotherKeyIs400() {
    String foreign = new PageCursor("another-key").encode(null, key("p-1"));
    assertEquals(NOT_ISSUED, refused(foreign, null).detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../etc", "a b", "p/1", "é", "p\u0000"})
  void signedCursorWhoseIdIsNotAValidIdIs400(String id) {
    assertEquals(NOT_ISSUED, refused(cursors.encode(null, key(id)), null).detail());
  }

  @Test
  void signedCursorWithAnIdLongerThan64CharactersIs400() {
    refused(cursors.encode(null, key("p".repeat(65))), null);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = "")
  void emptySigningKeyIsRefusedAtStartUp(String signingKey) {
    assertThrows(IllegalStateException.class, () -> new PageCursor(signingKey));
  }
}

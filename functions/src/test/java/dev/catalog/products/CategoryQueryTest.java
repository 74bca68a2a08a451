package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.catalog.kernel.HttpError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ?category=} is held to the rule of a body's category ({@link Category}), including what no JSON body can
 * carry: a lone surrogate, which a Lambda event's query parameters may hold since they are not parsed as JSON text.
 */
class CategoryQueryTest {
  static String refusal(String parameter) {
    HttpError error = assertThrows(HttpError.class, () -> CategoryQuery.read(parameter), parameter);
    assertEquals(400, error.status());
    assertEquals("urn:products-api:problem:invalid-query", error.type());
    return error.detail();
  }

  @Test
  void aQueryCategoryIsNormalizedAndTrimmedAsABodysIs() {
    assertEquals("caf\u00e9", CategoryQuery.read("\u00a0cafe\u0301\u3000"));
    assertEquals(null, CategoryQuery.read(null));
  }

  @Test
  void aQueryCategoryIsRefusedForWhatABodysCategoryIsRefusedFor() {
    assertEquals("category must not be empty.", refusal(" \u2007"));
    assertEquals("category must be at most 64 characters.", refusal("c".repeat(65)));
    for (String text :
        List.of(
            "a\u0007b",
            "a\u001bb",
            "a\u007fb",
            "a\u0085b",
            "a\u009bb",
            "a\u2028b",
            "a\u2029b",
            "a\ufdd0b",
            "a\uffffb",
            "a\udbff\udfffb")) {
      assertEquals("category must not contain control characters.", refusal(text), text);
    }
  }

  @Test
  void aLoneSurrogateInAQueryCategoryIsRefusedAsAControlCharacterIs() {
    for (String text : List.of("\ud800", "a\udc00b", "a\ud83d", "\ude00a", "\udc00\ud800")) {
      assertEquals("category must not contain control characters.", refusal(text), text);
    }
    assertEquals("a\ud83d\ude00", CategoryQuery.read("a\ud83d\ude00"));
  }
}

package dev.catalog.products;

import static dev.catalog.kernel.HttpErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text rules of docs/contract.md, case by case: NFC first, then trimming of Unicode White_Space, then lengths in
 * code points, then control characters and noncharacters, on every text field.
 */
class ProductJsonTextTest {
  private static final String EMOJI = new String(Character.toChars(0x1F600));

  private static ObjectNode valid() {
    return Json.readObject("{\"name\":\"Desk lamp\",\"price\":19.99,\"category\":\"lighting\"}");
  }

  private static Product readWith(String field, String text) {
    ObjectNode json = valid();
    json.put(field, text);
    return ProductJson.read(json);
  }

  private static Product readWithTags(String... tags) {
    ObjectNode json = valid();
    var array = json.putArray("tags");
    for (String tag : tags) {
      array.add(tag);
    }
    return ProductJson.read(json);
  }

  private static List<String> errors(Runnable read) {
    HttpError error = assertProblem(400, "validation-failed", read::run);
    return error.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
  }

  @Test
  void lengthsCountCodePointsSoAnAstralCharacterCountsOnce() {
    assertEquals(EMOJI.repeat(200), readWith("name", EMOJI.repeat(200)).getName());
    assertEquals(EMOJI.repeat(64), readWith("category", EMOJI.repeat(64)).getCategory());
    assertEquals(EMOJI.repeat(4000), readWith("description", EMOJI.repeat(4000)).getDescription());
    assertEquals(List.of(EMOJI.repeat(32)), readWithTags(EMOJI.repeat(32)).getTags());
    assertEquals(
        List.of("name: must be at most 200 characters"),
        errors(() -> readWith("name", EMOJI.repeat(201))));
    assertEquals(
        List.of("tags[0]: must be at most 32 characters"),
        errors(() -> readWithTags(EMOJI.repeat(33))));
  }

  @Test
  void lengthsAreCountedAfterNormalizationToNfc() {
    String decomposed = "e\u0301"; // two code points that NFC composes into one, U+00E9
    assertEquals("\u00e9".repeat(200), readWith("name", decomposed.repeat(200)).getName());
    assertEquals(
        List.of("category: must be at most 64 characters"),
        errors(() -> readWith("category", decomposed.repeat(65))));
  }

  @Test
  void textIsNormalizedToNfcSoCanonicallyEquivalentTagsAreDuplicates() {
    assertEquals(
        List.of("tags: must not contain duplicates"),
        errors(() -> readWithTags("caf\u00e9", "cafe\u0301")));
    assertEquals("caf\u00e9", readWith("name", "cafe\u0301").getName());
    assertEquals("caf\u00e9 ", readWith("description", "cafe\u0301 ").getDescription());
    assertEquals(
        "\u00c5",
        readWith("category", "\u212b").getCategory()); // ANGSTROM SIGN is canonically A-ring
  }

  /** Every White_Space code point that String.strip (Character.isWhitespace) leaves in place, and some it strips. */
  @ParameterizedTest
  @ValueSource(
      ints = {
        0x00A0, 0x2007, 0x202F, 0x0085, 0x1680, 0x2000, 0x2028, 0x2029, 0x205F, 0x3000, 0x0009,
        0x000B
      })
  void everyUnicodeWhiteSpaceCharacterIsTrimmed(int whiteSpace) {
    String space = Character.toString(whiteSpace);
    assertEquals("x", readWith("name", space + "x" + space).getName());
    assertEquals("c y", readWith("category", space + "c y" + space + space).getCategory());
    assertEquals(List.of("name: is required"), errors(() -> readWith("name", space)));
    assertEquals(
        List.of("tags: must not contain duplicates"), errors(() -> readWithTags("x" + space, "x")));
  }

  /** Invisible, but not White_Space: kept as sent (and refused where they are control characters). */
  @Test
  void charactersOutsideWhiteSpaceAreNotTrimmed() {
    assertEquals("\u200bx\ufeff", readWith("name", "\u200bx\ufeff").getName());
    assertEquals("\u180ex", readWith("name", "\u180ex").getName());
    assertEquals(
        List.of("name: must not contain control characters"),
        errors(() -> readWith("name", "\u001fx")));
  }

  /** C0, DEL, C1, the line and paragraph separators, and noncharacters, including astral ones. */
  @ParameterizedTest
  @ValueSource(
      ints = {
        0x0000, 0x000A, 0x001B, 0x007F, 0x0080, 0x0085, 0x009B, 0x009F, 0x2028, 0x2029, 0xFDD0,
        0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF
      })
  void controlCharactersAndNoncharactersAreRefusedInNamesCategoriesAndTags(int refused) {
    String text = "a" + Character.toString(refused) + "b";
    String message = ": must not contain control characters";
    assertEquals(List.of("name" + message), errors(() -> readWith("name", text)));
    assertEquals(List.of("category" + message), errors(() -> readWith("category", text)));
    assertEquals(List.of("tags[1]" + message), errors(() -> readWithTags("ok", text)));
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        0x0000, 0x000B, 0x000C, 0x001B, 0x007F, 0x0080, 0x0085, 0x009B, 0xFDD0, 0xFFFE, 0x10FFFF
      })
  void descriptionsRefuseEveryControlCharacterButTabAndLineBreaksAndEveryNoncharacter(int refused) {
    assertEquals(
        List.of("description: must not contain control characters other than tab and line breaks"),
        errors(() -> readWith("description", "a" + Character.toString(refused) + "b")));
  }

  @Test
  void descriptionsKeepTabsLineBreaksAndUnicodeLineSeparators() {
    String text = "a\tb\r\nc\u2028d\u2029e";
    assertEquals(text, readWith("description", text).getDescription());
  }

  @Test
  void everyTagErrorIsListedEvenWhenATagIsOfTheWrongType() {
    ObjectNode json = valid();
    String tags = "[\"a\",1,\"\",\"" + "t".repeat(33) + "\",\"a\",null,\"b\\u009b\"]";
    json.set("tags", Json.readObject("{\"t\":" + tags + "}").get("t"));
    assertEquals(
        List.of(
            "tags[1]: must be a string, not a number",
            "tags[5]: must be a string, not null",
            "tags: must not contain duplicates",
            "tags[2]: must not be blank",
            "tags[3]: must be at most 32 characters",
            "tags[6]: must not contain control characters"),
        errors(() -> ProductJson.read(json)));
  }

  @Test
  void twentyOneTagsAreTooManyEvenIfSomeAreOfTheWrongType() {
    ObjectNode json = valid();
    var tags = json.putArray("tags");
    IntStream.range(0, 20).forEach(i -> tags.add("t" + i));
    tags.add(5);
    assertEquals(
        List.of("tags[20]: must be a string, not a number", "tags: must hold at most 20 tags"),
        errors(() -> ProductJson.read(json)));
  }
}

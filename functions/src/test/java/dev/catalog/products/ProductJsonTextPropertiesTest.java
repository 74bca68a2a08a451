package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import dev.catalog.products.TextOracle.Decision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The text rules, decided by the model for generated Unicode strings, against {@link TextOracle}. Seeded, so every
 * run tries the same strings; a failure prints the shrunk string.
 */
class ProductJsonTextPropertiesTest {
  private static ObjectNode valid() {
    return Json.readObject("{\"name\":\"Desk lamp\",\"price\":19.99,\"category\":\"lighting\"}");
  }

  /** The model's decision on {@code field} set to {@code sent}: its stored value, or its errors' messages. */
  private static Decision decide(String field, String sent, Function<Product, String> stored) {
    ObjectNode json = valid();
    json.put(field, sent);
    try {
      return Decision.accepted(stored.apply(ProductJson.read(json)));
    } catch (HttpError error) {
      Set<String> messages = new TreeSet<>();
      error.errors().forEach(e -> messages.add(e.message()));
      assertEquals(
          Set.of(field),
          Set.copyOf(error.errors().stream().map(HttpError.FieldError::field).toList()));
      return Decision.refused(messages);
    }
  }

  /**
   * Generated text, half of it around a run of letters, emoji (two UTF-16 units) or decomposed letters (two code
   * points that NFC makes one), so that lengths near the limit of 200 come up often.
   */
  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> padded =
        Combinators.combine(
                GeneratedText.text(20),
                Arbitraries.of("n", "\ud83d\ude00", "e\u0301"),
                Arbitraries.integers().between(160, 200),
                GeneratedText.text(20))
            .as((before, unit, count, after) -> before + unit.repeat(count) + after);
    return Arbitraries.oneOf(GeneratedText.text(100), padded);
  }

  @Provide
  Arbitrary<String> shortText() {
    return GeneratedText.text(80);
  }

  @Property(tries = 400, seed = "20261128")
  void namesAreDecidedAsTheOracleDecides(@ForAll("names") String sent) {
    Decision expected = TextOracle.oneLine(sent, 200, "is required");
    assertEquals(expected, decide("name", sent, Product::getName));
    // Each outcome must come up, or the property would prove little about it.
    String outcome =
        expected.errors().isEmpty() ? "accepted" : String.join(", ", expected.errors());
    Statistics.label("outcome").collect(outcome);
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("accepted").percentage(percent -> percent >= 10);
              coverage.check("must be at most 200 characters").count(count -> count >= 5);
              coverage.check("is required").count(count -> count >= 1);
              coverage
                  .check("must not contain control characters")
                  .percentage(percent -> percent >= 10);
            });
  }

  @Property(tries = 400, seed = "20261128")
  void categoriesAreDecidedAsTheOracleDecides(@ForAll("shortText") String sent) {
    assertEquals(
        TextOracle.oneLine(sent, 64, "is required"),
        decide("category", sent, Product::getCategory));
  }

  @Property(tries = 400, seed = "20261128")
  void descriptionsAreDecidedAsTheOracleDecides(@ForAll("shortText") String sent) {
    assertEquals(
        TextOracle.description(sent), decide("description", sent, Product::getDescription));
  }

  @Property(tries = 50, seed = "20261128")
  void longDescriptionsAreCountedInCodePoints(@ForAll("shortText") String sent) {
    String padded =
        "\ud83d\ude00".repeat(3960) + sent; // 3960 emoji: 7920 UTF-16 units, 3960 code points
    assertEquals(
        TextOracle.description(padded), decide("description", padded, Product::getDescription));
  }

  /** Tags drawn partly from a small pool of look-alikes, so duplicates after NFC and trimming come up often. */
  @Provide
  Arbitrary<List<String>> tagLists() {
    Arbitrary<String> lookAlikes =
        Arbitraries.of(
            "caf\u00e9",
            "cafe\u0301",
            " caf\u00e9\u00a0",
            "CAF\u00c9",
            "x",
            "x\u00a0",
            "\u2007x\u202f",
            "\u0085",
            "",
            "\u212b",
            "\u00c5",
            "A\u030a");
    return Arbitraries.oneOf(lookAlikes, GeneratedText.text(40)).list().ofMaxSize(23);
  }

  @Property(tries = 400, seed = "20261128")
  void tagListsAreDecidedAsTheOracleDecides(@ForAll("tagLists") List<String> sent) {
    Set<String> expected = new TreeSet<>();
    List<String> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean duplicates = false;
    for (int i = 0; i < sent.size(); i++) {
      Decision tag = TextOracle.oneLine(sent.get(i), 32, "must not be blank");
      for (String message : tag.errors()) {
        expected.add("tags[" + i + "]: " + message);
      }
      String trimmed = TextOracle.trim(sent.get(i));
      kept.add(trimmed);
      duplicates |= !seen.add(trimmed);
    }
    if (duplicates) {
      expected.add("tags: must not contain duplicates");
    }
    if (sent.size() > 20) {
      expected.add("tags: must hold at most 20 tags");
    }

    ObjectNode json = valid();
    ArrayNode tags = json.putArray("tags");
    sent.forEach(tags::add);
    Set<String> actual = new TreeSet<>();
    try {
      assertEquals(kept, ProductJson.read(json).getTags());
    } catch (HttpError error) {
      error.errors().forEach(e -> actual.add(e.field() + ": " + e.message()));
    }
    assertEquals(expected, actual);
  }

  @Property(tries = 300, seed = "20261128")
  void trimmingIsNfcThenWhiteSpaceFromBothEnds(@ForAll("shortText") String sent) {
    assertEquals(TextOracle.trim(sent), Text.trimmed(sent));
  }
}

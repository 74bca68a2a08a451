package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Merge patches of known, server-managed and unknown members, with values of every JSON type, applied to a stored
 * product by the model and by {@link PatchOracle}: which fields fail, and on success what is stored.
 */
class ProductJsonPatchPropertiesTest {
  private static final String PATH_ID = "p-1";
  private static final String CURRENT =
      "{\"name\":\"Water bottle\",\"description\":\"Steel.\",\"price\":24.99,"
          + "\"currency\":\"EUR\",\"category\":\"kitchen\",\"tags\":[\"outdoor\",\"steel\"],\"stock\":120}";

  private static JsonNode json(String text) {
    return Json.readObject("{\"v\":" + text + "}").get("v");
  }

  private static Arbitrary<JsonNode> texts() {
    return Arbitraries.oneOf(
            GeneratedText.text(30),
            Arbitraries.of(
                "Lamp", " Lamp\u00a0", "cafe\u0301", "", "\u2007", "a\u009bb", "x".repeat(70)))
        .map(TextNode::valueOf);
  }

  private static Arbitrary<JsonNode> numbers() {
    return Arbitraries.of(
            "0",
            "7",
            "-1",
            "19.99",
            "39.900",
            "1.999",
            "1e2",
            "1.0",
            "2147483648",
            "1e9",
            "1000000000.01",
            "0.000")
        .map(ProductJsonPatchPropertiesTest::json);
  }

  private static Arbitrary<JsonNode> arrays() {
    Arbitrary<JsonNode> element =
        Arbitraries.oneOf(texts(), texts(), numbers(), Arbitraries.just(json("null")));
    return element
        .list()
        .ofMaxSize(22)
        .map(
            elements -> {
              var array = Json.newObject().arrayNode();
              elements.forEach(array::add);
              return array;
            });
  }

  private static Arbitrary<JsonNode> anyValue() {
    return Arbitraries.oneOf(
        texts(),
        numbers(),
        arrays(),
        Arbitraries.of("null", "true", "{}", "{\"a\":null}", "{\"a\":1}")
            .map(ProductJsonPatchPropertiesTest::json));
  }

  private static Arbitrary<JsonNode> valueFor(String member) {
    Arbitrary<JsonNode> typical =
        switch (member) {
          case "price", "stock", "version" -> numbers();
          case "tags" -> arrays();
          case "currency" ->
              Arbitraries.of("USD", "EUR", "JPY", "GBP", "XTS", "XXX", "DEM", "usd", " EUR", "")
                  .map(TextNode::valueOf);
          case "id" -> Arbitraries.of(PATH_ID, "other", "").map(TextNode::valueOf);
          // Unknown members: null most often, the value merging would have dropped without a word.
          case "descripton", "colour", "Name", "price ", "" ->
              Arbitraries.of("null", "null", "\"x\"", "1")
                  .map(ProductJsonPatchPropertiesTest::json);
          default -> texts();
        };
    return Arbitraries.frequencyOf(Tuple.of(3, typical), Tuple.of(1, anyValue()));
  }

  /**
   * Each field, known or server-managed, is in a patch a third of the time, each unknown member one time in twenty.
   * One combination of arbitraries built once, rather than a flatMap that would build new ones for every patch.
   */
  @Provide
  Arbitrary<ObjectNode> patches() {
    List<Arbitrary<Map.Entry<String, JsonNode>>> entries = new ArrayList<>();
    // Sorted: a Set.of's iteration order changes from one JVM to the next, and with it what a seed
    // generates.
    List<String> fields = new ArrayList<>(new TreeSet<>(PatchOracle.WRITABLE));
    fields.addAll(new TreeSet<>(PatchOracle.SERVER_MANAGED));
    for (String name : fields) {
      entries.add(valueFor(name).map(value -> Map.entry(name, value)).injectNull(0.67));
    }
    for (String name : List.of("descripton", "colour", "Name", "price ", "")) {
      entries.add(valueFor(name).map(value -> Map.entry(name, value)).injectNull(0.95));
    }
    return Combinators.combine(entries)
        .as(
            list -> {
              ObjectNode patch = Json.newObject();
              list.stream()
                  .filter(Objects::nonNull)
                  .forEach(entry -> patch.set(entry.getKey(), entry.getValue()));
              return patch;
            });
  }

  @Property(tries = 250, seed = "20261128", edgeCases = EdgeCasesMode.NONE)
  void patchesAreDecidedAsTheOracleDecides(@ForAll("patches") ObjectNode patch) {
    Product current = ProductJson.read(Json.readObject(CURRENT));
    Set<String> expectedErrors = new TreeSet<>();
    Map<String, Object> expected =
        PatchOracle.apply(Json.readObject(CURRENT), patch, PATH_ID, expectedErrors);

    Set<String> actualErrors = new TreeSet<>();
    Map<String, Object> actual = null;
    try {
      actual = stored(ProductJson.patch(current, patch.deepCopy(), PATH_ID));
    } catch (HttpError error) {
      error.errors().forEach(e -> actualErrors.add(e.field().replaceAll("\\[\\d+]$", "")));
    }
    assertEquals(expectedErrors, actualErrors, patch::toString);
    assertEquals(expectedErrors.isEmpty() ? expected : null, actual, patch::toString);
    // Both outcomes must come up often, or the property would prove little about one of them.
    Statistics.label("outcome").collect(expectedErrors.isEmpty() ? "applied" : "refused");
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("applied").percentage(percent -> percent >= 10);
              coverage.check("refused").percentage(percent -> percent >= 10);
            });
  }

  /**
   * Why PATCH needs no stored product to be validated: the patch read on its own ({@link ProductJson#patchOf}, as
   * PATCH now reads it) gives the same errors, messages included, as the patch merged into the stored product, and on
   * success the same values for the fields it names, the other fields being kept.
   */
  @Property(tries = 250, seed = "20261206", edgeCases = EdgeCasesMode.NONE)
  void aPatchReadWithoutTheStoredProductHasTheErrorsAndValuesOfThePatchMergedIntoIt(
      @ForAll("patches") ObjectNode patch) {
    Product current = ProductJson.read(Json.readObject(CURRENT));
    Set<String> mergedErrors = new TreeSet<>();
    Map<String, Object> merged = null;
    try {
      merged = stored(ProductJson.patch(current, patch.deepCopy(), PATH_ID));
    } catch (HttpError error) {
      error.errors().forEach(e -> mergedErrors.add(e.field() + ": " + e.message()));
    }
    Set<String> aloneErrors = new TreeSet<>();
    Map<String, Object> alone = null;
    try {
      ProductJson.Patch read = ProductJson.patchOf(patch.deepCopy(), PATH_ID);
      alone = stored(current);
      for (String field : read.fields()) {
        alone.put(field, stored(read.values()).get(field));
      }
    } catch (HttpError error) {
      error.errors().forEach(e -> aloneErrors.add(e.field() + ": " + e.message()));
    }
    assertEquals(mergedErrors, aloneErrors, patch::toString);
    assertEquals(merged, alone, patch::toString);
  }

  private static Map<String, Object> stored(Product product) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("name", product.getName());
    stored.put("description", product.getDescription());
    stored.put("price", product.getPrice());
    stored.put("currency", product.getCurrency());
    stored.put("category", product.getCategory());
    stored.put("tags", product.getTags());
    stored.put("stock", product.getStock());
    return stored;
  }
}

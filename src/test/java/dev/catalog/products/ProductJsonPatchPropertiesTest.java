package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalog.http.HttpError;
import dev.catalog.http.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Merge patches of known, server-managed and unknown members, with values of every JSON type, applied to a stored
 * product by the model and by an oracle that merges into a plain map (RFC 7396 for flat documents: null removes, a
 * value replaces) and judges each field by the README's rules: which fields fail, and on success what is stored.
 */
class ProductJsonPatchPropertiesTest {
  private static final String PATH_ID = "p-1";
  private static final Set<String> WRITABLE =
      Set.of("name", "description", "price", "currency", "category", "tags", "stock");
  private static final Set<String> SERVER_MANAGED = Set.of("id", "createdAt", "updatedAt", "version");
  private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "JPY", "GBP");
  private static final String CURRENT = "{\"name\":\"Water bottle\",\"description\":\"Steel.\",\"price\":24.99,"
      + "\"currency\":\"EUR\",\"category\":\"kitchen\",\"tags\":[\"outdoor\",\"steel\"],\"stock\":120}";

  private static JsonNode json(String text) {
    return Json.readObject("{\"v\":" + text + "}").get("v");
  }

  private static Arbitrary<JsonNode> texts() {
    return Arbitraries.oneOf(GeneratedText.text(30),
        Arbitraries.of("Lamp", " Lamp\u00a0", "cafe\u0301", "", "\u2007", "a\u009bb", "x".repeat(70)))
        .map(TextNode::valueOf);
  }

  private static Arbitrary<JsonNode> numbers() {
    return Arbitraries.of("0", "7", "-1", "19.99", "39.900", "1.999", "1e2", "1.0", "2147483648", "1e9",
        "1000000000.01", "0.000").map(ProductJsonPatchPropertiesTest::json);
  }

  private static Arbitrary<JsonNode> arrays() {
    Arbitrary<JsonNode> element = Arbitraries.oneOf(texts(), texts(), numbers(), Arbitraries.just(json("null")));
    return element.list().ofMaxSize(22).map(elements -> {
      var array = Json.newObject().arrayNode();
      elements.forEach(array::add);
      return array;
    });
  }

  private static Arbitrary<JsonNode> anyValue() {
    return Arbitraries.oneOf(texts(), numbers(), arrays(),
        Arbitraries.of("null", "true", "{}", "{\"a\":null}", "{\"a\":1}").map(ProductJsonPatchPropertiesTest::json));
  }

  private static Arbitrary<JsonNode> valueFor(String member) {
    Arbitrary<JsonNode> typical = switch (member) {
      case "price", "stock", "version" -> numbers();
      case "tags" -> arrays();
      case "currency" -> Arbitraries.of("USD", "EUR", "JPY", "GBP", "XTS", "XXX", "DEM", "usd", " EUR", "")
          .map(TextNode::valueOf);
      case "id" -> Arbitraries.of(PATH_ID, "other", "").map(TextNode::valueOf);
      default -> texts();
    };
    return Arbitraries.frequencyOf(Tuple.of(3, typical), Tuple.of(1, anyValue()));
  }

  @Provide
  Arbitrary<ObjectNode> patches() {
    // Sorted: a Set.of's iteration order changes from one JVM to the next, and with it what a seed generates.
    List<String> members = new ArrayList<>(new TreeSet<>(WRITABLE));
    members.addAll(new TreeSet<>(SERVER_MANAGED));
    members.addAll(List.of("descripton", "colour", "Name", "price ", ""));
    return Arbitraries.of(members).set().ofMaxSize(6)
        .flatMap(names -> {
          List<Arbitrary<Map.Entry<String, JsonNode>>> entries = new ArrayList<>();
          for (String name : names) {
            entries.add(valueFor(name).map(value -> Map.entry(name, value)));
          }
          return Combinators.combine(entries).as(list -> {
            ObjectNode patch = Json.newObject();
            list.forEach(entry -> patch.set(entry.getKey(), entry.getValue()));
            return patch;
          });
        });
  }

  @Property(tries = 300, seed = "20261128")
  void patchesAreDecidedAsTheOracleDecides(@ForAll("patches") ObjectNode patch) {
    Product current = ProductJson.read(Json.readObject(CURRENT));
    Set<String> expectedErrors = new TreeSet<>();
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    Json.readObject(CURRENT).properties().forEach(member -> merged.put(member.getKey(), member.getValue()));
    for (var member : patch.properties()) {
      String name = member.getKey();
      JsonNode value = member.getValue();
      if (name.equals("id") && !value.isNull() && !(value.isTextual() && value.textValue().equals(PATH_ID))) {
        expectedErrors.add("id");
      } else if (!WRITABLE.contains(name) && !SERVER_MANAGED.contains(name)) {
        expectedErrors.add(name);
      } else if (WRITABLE.contains(name) && value.isNull()) {
        merged.remove(name);
      } else if (WRITABLE.contains(name)) {
        merged.put(name, value);
      }
    }
    Map<String, Object> expected = judge(merged, expectedErrors);

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
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("applied").percentage(percent -> percent >= 15);
      coverage.check("refused").percentage(percent -> percent >= 15);
    });
  }

  /** The README's rules on the merged document: adds failing fields to {@code errors}, returns what is stored. */
  private static Map<String, Object> judge(Map<String, JsonNode> document, Set<String> errors) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("name", oneLine(document.get("name"), 200, "name", errors));
    JsonNode description = document.get("description");
    if (description != null && (!description.isTextual()
        || !TextOracle.description(description.textValue()).errors().isEmpty())) {
      errors.add("description");
    }
    stored.put("description", description == null ? null : TextOracle.nfc(description.asText()));
    JsonNode price = document.get("price");
    if (price == null || !price.isNumber()
        || !ProductJsonPricePropertiesTest.oracle(price.decimalValue()).isEmpty()) {
      errors.add("price");
    }
    stored.put("price", price == null || !price.isNumber() ? null : price.decimalValue().stripTrailingZeros());
    JsonNode currency = document.get("currency");
    if (currency != null && !(currency.isTextual() && CURRENCIES.contains(currency.textValue()))) {
      errors.add("currency");
    }
    stored.put("currency", currency == null ? "USD" : currency.asText());
    stored.put("category", oneLine(document.get("category"), 64, "category", errors));
    stored.put("tags", tags(document.get("tags"), errors));
    JsonNode stock = document.get("stock");
    if (stock != null && !(stock.isNumber() && stock.toString().matches("[0-9]+")
        && new BigInteger(stock.toString()).compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0)) {
      errors.add("stock");
    }
    stored.put("stock", stock == null ? 0 : stock.asInt());
    return stored;
  }

  private static String oneLine(JsonNode value, int max, String field, Set<String> errors) {
    if (value == null || !value.isTextual() || !TextOracle.oneLine(value.textValue(), max, "").errors().isEmpty()) {
      errors.add(field);
      return null;
    }
    return TextOracle.trim(value.textValue());
  }

  private static List<String> tags(JsonNode value, Set<String> errors) {
    if (value == null) {
      return List.of();
    }
    List<String> tags = new ArrayList<>();
    boolean failed = !value.isArray() || value.size() > 20;
    Set<String> seen = new HashSet<>();
    for (JsonNode tag : value.isArray() ? value : Json.newObject().arrayNode()) {
      if (!tag.isTextual() || !TextOracle.oneLine(tag.textValue(), 32, "").errors().isEmpty()) {
        failed = true;
      }
      String kept = tag.isTextual() ? TextOracle.trim(tag.textValue()) : null;
      if (kept != null && !seen.add(kept)) {
        failed = true;
      }
      tags.add(kept);
    }
    if (failed) {
      errors.add("tags");
    }
    return tags;
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

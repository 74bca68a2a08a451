package dev.catalog.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A merge patch applied the plain way, for the property tests: the document as a map of members (RFC 7396 for a flat
 * document: null removes, any other value replaces), then each field judged by the contract's rules with
 * {@link TextOracle} and the price oracle. Currencies are judged only for the few codes the generator sends.
 */
final class PatchOracle {
  static final Set<String> WRITABLE =
      Set.of("name", "description", "price", "currency", "category", "tags", "stock");
  static final Set<String> SERVER_MANAGED = Set.of("id", "createdAt", "updatedAt", "version");
  private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "JPY", "GBP");

  private PatchOracle() {}

  /**
   * Applies {@code patch} to {@code current}, adding the name of every failing field to {@code errors}; returns the
   * fields as they would be stored.
   */
  static Map<String, Object> apply(
      ObjectNode current, ObjectNode patch, String pathId, Set<String> errors) {
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    current.properties().forEach(member -> merged.put(member.getKey(), member.getValue()));
    for (var member : patch.properties()) {
      String name = member.getKey();
      JsonNode value = member.getValue();
      if (name.equals("id")
          && !value.isNull()
          && !(value.isTextual() && value.textValue().equals(pathId))) {
        errors.add("id");
      } else if (!WRITABLE.contains(name) && !SERVER_MANAGED.contains(name)) {
        errors.add(name);
      } else if (WRITABLE.contains(name) && value.isNull()) {
        merged.remove(name);
      } else if (WRITABLE.contains(name)) {
        merged.put(name, value);
      }
    }
    return judge(merged, errors);
  }

  /**
   * The contract's rules (docs/contract.md) on the merged document: adds failing fields to {@code errors}, returns
   * what is stored.
   */
  private static Map<String, Object> judge(Map<String, JsonNode> document, Set<String> errors) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("name", oneLine(document.get("name"), 200, "name", errors));
    JsonNode description = document.get("description");
    if (description != null
        && (!description.isTextual()
            || !TextOracle.description(description.textValue()).errors().isEmpty())) {
      errors.add("description");
    }
    stored.put("description", description == null ? null : TextOracle.nfc(description.asText()));
    JsonNode price = document.get("price");
    if (price == null
        || !price.isNumber()
        || !ProductJsonPricePropertiesTest.oracle(price.decimalValue()).isEmpty()) {
      errors.add("price");
    }
    stored.put(
        "price",
        price == null || !price.isNumber() ? null : price.decimalValue().stripTrailingZeros());
    JsonNode currency = document.get("currency");
    if (currency != null && !(currency.isTextual() && CURRENCIES.contains(currency.textValue()))) {
      errors.add("currency");
    }
    stored.put("currency", currency == null ? "USD" : currency.asText());
    stored.put("category", oneLine(document.get("category"), 64, "category", errors));
    stored.put("tags", tags(document.get("tags"), errors));
    JsonNode stock = document.get("stock");
    if (stock != null
        && !(stock.isNumber()
            && stock.toString().matches("[0-9]+")
            && new BigInteger(stock.toString()).compareTo(BigInteger.valueOf(Integer.MAX_VALUE))
                <= 0)) {
      errors.add("stock");
    }
    stored.put("stock", stock == null ? 0 : stock.asInt());
    return stored;
  }

  private static String oneLine(JsonNode value, int max, String field, Set<String> errors) {
    if (value == null
        || !value.isTextual()
        || !TextOracle.oneLine(value.textValue(), max, "").errors().isEmpty()) {
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
}

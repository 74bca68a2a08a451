package dev.catalog.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#canonical} against an obviously correct oracle of "the same JSON value": objects equal as maps, arrays
 * element by element, numbers by value, strings and literals as they are. Values are generated, then spelled out as
 * JSON text with members shuffled, white space sprinkled, characters escaped or not and numbers in other notations,
 * and parsed back by the API's own parser.
 */
class CanonicalJsonPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> KEYS =
      List.of("a", "b", "name", "price", "é", "e\u0301", "\uD83D\uDE00", "");
  private static final List<String> CHARS =
      List.of(
          "a",
          "b",
          " ",
          "é",
          "e\u0301",
          "\uD83D\uDE00",
          "\"",
          "\\",
          "/",
          "\n",
          "\t",
          "\u0001",
          "\u2028");
  private static final List<String> SPACE = List.of("", "", " ", "  ", "\n", "\t", "\r\n");

  @Property(tries = 400, seed = "7301")
  void everySpellingOfAValueHasTheCanonicalFormOfThatValue(@ForAll Random random) {
    ObjectNode value = object(random, 0);

    String first = Json.canonical(Json.readObject(spell(value, random)));
    String second = Json.canonical(Json.readObject(spell(value, random)));
    assertEquals(first, second);
    assertEquals(first, Json.canonical(value));
  }

  @Property(tries = 400, seed = "7302")
  void aChangedValueHasAnotherCanonicalForm(@ForAll Random random) {
    ObjectNode value = object(random, 0);
    ObjectNode changed = value.deepCopy();
    mutate(changed, random);

    assertNotEquals(
        Json.canonical(Json.readObject(spell(value, random))),
        Json.canonical(Json.readObject(spell(changed, random))),
        () -> value + " vs " + changed);
  }

  @Property(tries = 1000, seed = "7303")
  void twoValuesHaveTheSameCanonicalFormExactlyWhenTheOracleSaysTheyAreTheSame(
      @ForAll Random random) {
    // Small values, so that independently generated pairs are sometimes the same.
    ObjectNode a = small(random);
    ObjectNode b = random.nextBoolean() ? small(random) : a.deepCopy();
    boolean same = sameValue(a, b);

    assertEquals(
        same,
        Json.canonical(Json.readObject(spell(a, random)))
            .equals(Json.canonical(Json.readObject(spell(b, random)))),
        () -> a + " vs " + b);
  }

  @Test
  void numbersAreWrittenByValueEvenWhereBigDecimalsScaleWouldOverflow() {
    assertEquals(
        "{\"a\":1E0,\"b\":15E-1,\"c\":1E2147483649,\"d\":0,\"e\":-1E2}",
        Json.canonical(
            Json.readObject(
                "{\"e\": -100, \"d\": 0.000, \"c\": 100e2147483647, \"b\": 1.50,"
                    + " \"a\": 1.0}")));
  }

  // --- the oracle ---

  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (!a.propertyStream()
          .map(Map.Entry::getKey)
          .sorted()
          .toList()
          .equals(b.propertyStream().map(Map.Entry::getKey).sorted().toList())) {
        return false;
      }
      return a.propertyStream()
          .allMatch(member -> sameValue(member.getValue(), b.get(member.getKey())));
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameValue(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  // --- generated values ---

  static ObjectNode object(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    int members = random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < members; i++) {
      object.set(KEYS.get(random.nextInt(KEYS.size())), value(random, depth + 1));
    }
    return object;
  }

  static ObjectNode small(Random random) {
    ObjectNode object = NODES.objectNode();
    for (String key : List.of("a", "b")) {
      if (random.nextBoolean()) {
        object.set(
            key,
            switch (random.nextInt(4)) {
              case 0 ->
                  NODES.numberNode(
                      new BigDecimal(random.nextInt(3)).movePointLeft(random.nextInt(2)));
              case 1 -> NODES.textNode(random.nextBoolean() ? "x" : "y");
              case 2 -> NODES.arrayNode().add(random.nextInt(2));
              default -> NODES.booleanNode(random.nextBoolean());
            });
      }
    }
    return object;
  }

  static JsonNode value(Random random, int depth) {
    int kinds = depth >= 3 ? 5 : 7;
    return switch (random.nextInt(kinds)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2, 3 -> NODES.numberNode(number(random));
      case 4 -> NODES.textNode(text(random));
      case 5 -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(value(random, depth + 1));
        }
        yield array;
      }
      default -> object(random, depth);
    };
  }

  static BigDecimal number(Random random) {
    BigDecimal unscaled = new BigDecimal(BigInteger.valueOf(random.nextLong() % 1_000_000_000L));
    return unscaled.movePointLeft(random.nextInt(12) - 3);
  }

  static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      text.append(CHARS.get(random.nextInt(CHARS.size())));
    }
    return text.toString();
  }

  /** Changes one thing in the object or below it, so that the oracle sees another value. */
  static void mutate(ObjectNode object, Random random) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty() || random.nextInt(5) == 0) {
      String key = "new" + random.nextInt(3);
      if (object.has(key)) {
        object.remove(key);
      } else {
        object.set(key, NODES.nullNode());
      }
      return;
    }
    String name = names.get(random.nextInt(names.size()));
    JsonNode member = object.get(name);
    if (member.isObject()) {
      mutate((ObjectNode) member, random);
    } else if (member.isArray()) {
      ((ArrayNode) member).add(NODES.numberNode(random.nextInt(3)));
    } else if (member.isNumber()) {
      object.put(name, member.decimalValue().add(BigDecimal.ONE.movePointLeft(random.nextInt(4))));
    } else if (member.isTextual()) {
      object.put(name, member.textValue() + CHARS.get(random.nextInt(CHARS.size())));
    } else if (member.isBoolean()) {
      object.put(name, !member.booleanValue());
    } else {
      object.put(name, 0);
    }
  }

  // --- spellings ---

  static String spell(JsonNode node, Random random) {
    StringBuilder out = new StringBuilder();
    spell(node, random, out);
    return out.toString();
  }

  private static void spell(JsonNode node, Random random, StringBuilder out) {
    out.append(SPACE.get(random.nextInt(SPACE.size())));
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.shuffle(names, random);
      out.append('{');
      for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
        String name = it.next();
        out.append(SPACE.get(random.nextInt(SPACE.size())));
        string(name, random, out);
        out.append(SPACE.get(random.nextInt(SPACE.size()))).append(':');
        spell(node.get(name), random, out);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      out.append(SPACE.get(random.nextInt(SPACE.size()))).append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        spell(node.get(i), random, out);
        out.append(i + 1 < node.size() ? "," : "");
      }
      out.append(SPACE.get(random.nextInt(SPACE.size()))).append(']');
    } else if (node.isNumber()) {
      out.append(number(node.decimalValue(), random));
    } else if (node.isTextual()) {
      string(node.textValue(), random, out);
    } else {
      out.append(node.toString());
    }
    out.append(SPACE.get(random.nextInt(SPACE.size())));
  }

  /** The number in plain or exponent notation, with extra trailing zeros or not. */
  static String number(BigDecimal value, Random random) {
    BigDecimal spelled = value.setScale(Math.max(value.scale(), 0) + random.nextInt(3));
    return switch (random.nextInt(3)) {
      case 0 -> spelled.toPlainString();
      case 1 -> spelled.unscaledValue() + (random.nextBoolean() ? "e" : "E") + (-spelled.scale());
      default -> {
        int shift = random.nextInt(3);
        yield spelled.movePointLeft(shift).toPlainString()
            + "E"
            + (random.nextBoolean() ? "+" : "")
            + shift;
      }
    };
  }

  /**
   * Each character as it is or as \\u escapes (both halves of a surrogate pair alike); those JSON requires to be
   * escaped always are.
   */
  static void string(String text, Random random, StringBuilder out) {
    out.append('"');
    text.codePoints()
        .forEach(
            c -> {
              boolean mustEscape = c == '"' || c == '\\' || c < 0x20;
              if (mustEscape || random.nextInt(4) == 0) {
                if (c == '"' && random.nextBoolean()) {
                  out.append("\\\"");
                } else {
                  for (char unit : Character.toChars(c)) {
                    out.append(
                        String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) unit));
                  }
                }
              } else {
                out.appendCodePoint(c);
              }
            });
    out.append('"');
  }
}

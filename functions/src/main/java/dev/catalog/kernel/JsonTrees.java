package dev.catalog.kernel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes Jackson trees straight from the streaming parser and generator. The result is what
 * {@code ObjectMapper.readTree} gives with {@code USE_BIG_DECIMAL_FOR_FLOATS}, but without an {@code ObjectMapper}:
 * creating one loads some 600 classes and took about 300 ms of every cold start (docs/performance.md).
 */
public final class JsonTrees {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** The value starting at the parser's next token, or null at the end of the input. */
  public static JsonNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    return token == null ? null : value(parser, token);
  }

  // Depth is bounded by the parser's StreamReadConstraints, so the recursion is too.
  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_OBJECT;
            next = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default ->
          throw new IllegalStateException(
              "Unexpected token " + token); // the parser rejects the rest
    };
  }

  static void write(JsonNode node, JsonGenerator json) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        json.writeStartObject();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          json.writeFieldName(member.getKey());
          write(member.getValue(), json);
        }
        json.writeEndObject();
      }
      case ARRAY -> {
        json.writeStartArray();
        for (JsonNode element : node) {
          write(element, json);
        }
        json.writeEndArray();
      }
      case STRING -> json.writeString(node.textValue());
      case NUMBER -> {
        if (node.isIntegralNumber()) {
          json.writeNumber(node.bigIntegerValue());
        } else {
          json.writeNumber(node.decimalValue());
        }
      }
      case BOOLEAN -> json.writeBoolean(node.booleanValue());
      default -> json.writeNull();
    }
  }

  static void writeCanonical(JsonNode node, JsonGenerator json) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        json.writeStartObject();
        for (String name : names) {
          json.writeFieldName(name);
          writeCanonical(node.get(name), json);
        }
        json.writeEndObject();
      }
      case ARRAY -> {
        json.writeStartArray();
        for (JsonNode element : node) {
          writeCanonical(element, json);
        }
        json.writeEndArray();
      }
      case NUMBER -> json.writeNumber(canonicalNumber(node.decimalValue()));
      default -> write(node, json);
    }
  }

  /**
   * One spelling per value: {@code 0}, or the digits without trailing zeros and a decimal exponent ({@code 15E-1}
   * for 1.5). Computed in a long, since stripping the zeros of 100e2147483647 would overflow BigDecimal's int scale.
   */
  static String canonicalNumber(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigInteger digits = value.unscaledValue();
    long exponent = -(long) value.scale();
    while (digits.mod(BigInteger.TEN).signum() == 0) {
      digits = digits.divide(BigInteger.TEN);
      exponent++;
    }
    return digits + "E" + exponent;
  }
}

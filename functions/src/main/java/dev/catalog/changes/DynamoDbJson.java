package dev.catalog.changes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's JSON form of items ({@code {"price":{"N":"19.99"},"tags":{"L":[{"S":"a"}]}}}) read into the SDK's
 * {@link AttributeValue}s, so the Enhanced Client's table schema maps a stream image exactly as it maps an item
 * read from the table.
 */
final class DynamoDbJson {
  private DynamoDbJson() {}

  /** Reads an item (an object of attribute values); the parser is on its START_OBJECT. */
  static Map<String, AttributeValue> item(JsonParser parser) throws IOException {
    expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "an item");
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      item.put(name, value(parser));
    }
    return item;
  }

  /** Reads one attribute value, {@code {"<type>": <value>}}; the parser is on its START_OBJECT. */
  static AttributeValue value(JsonParser parser) throws IOException {
    expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "an attribute value");
    if (parser.nextToken() != JsonToken.FIELD_NAME) {
      throw new IOException("An attribute value without a type at " + parser.currentLocation());
    }
    String type = parser.currentName();
    JsonToken token = parser.nextToken();
    AttributeValue value =
        switch (type) {
          case "S" -> AttributeValue.fromS(text(parser, token));
          case "N" -> AttributeValue.fromN(text(parser, token));
          case "B" -> AttributeValue.fromB(bytes(text(parser, token)));
          case "BOOL" -> AttributeValue.fromBool(bool(parser, token));
          case "NULL" -> AttributeValue.fromNul(bool(parser, token));
          case "SS" -> AttributeValue.fromSs(texts(parser, token));
          case "NS" -> AttributeValue.fromNs(texts(parser, token));
          case "BS" ->
              AttributeValue.fromBs(
                  texts(parser, token).stream().map(DynamoDbJson::bytes).toList());
          case "L" -> AttributeValue.fromL(list(parser, token));
          case "M" -> AttributeValue.fromM(item(parser));
          default ->
              throw new IOException(
                  "Unknown attribute type " + type + " at " + parser.currentLocation());
        };
    if (parser.nextToken() != JsonToken.END_OBJECT) {
      throw new IOException(
          "An attribute value with more than one type at " + parser.currentLocation());
    }
    return value;
  }

  private static List<AttributeValue> list(JsonParser parser, JsonToken token) throws IOException {
    expect(parser, token, JsonToken.START_ARRAY, "a list");
    List<AttributeValue> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(value(parser));
    }
    return values;
  }

  private static List<String> texts(JsonParser parser, JsonToken token) throws IOException {
    expect(parser, token, JsonToken.START_ARRAY, "a set");
    List<String> values = new ArrayList<>();
    JsonToken element;
    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
      values.add(text(parser, element));
    }
    return values;
  }

  private static String text(JsonParser parser, JsonToken token) throws IOException {
    expect(parser, token, JsonToken.VALUE_STRING, "a string");
    return parser.getText();
  }

  private static boolean bool(JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw new IOException("Expected a boolean at " + parser.currentLocation());
    }
    return token == JsonToken.VALUE_TRUE;
  }

  private static SdkBytes bytes(String base64) {
    return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
  }

  static void expect(JsonParser parser, JsonToken found, JsonToken wanted, String what)
      throws IOException {
    if (found != wanted) {
      throw new IOException(
          "Expected " + what + " at " + parser.currentLocation() + ", found " + found);
    }
  }
}

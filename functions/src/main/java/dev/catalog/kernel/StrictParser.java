package dev.catalog.kernel;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * Checks each token for the two things Jackson accepts but this API must not: negative zero (it reads as 0 and would
 * silently lose the sign the client sent) and lone UTF-16 surrogates (escaped as {@code "\ud800"}; DynamoDB stores
 * UTF-8, where they would turn into '?').
 */
final class StrictParser extends JsonParserDelegate {
  StrictParser(JsonParser parser) {
    super(parser);
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = super.nextToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      if (isNegativeZero(getText())) {
        throw new JsonParseException(this, "Negative zero is not allowed at " + location(this));
      }
    } else if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
      if (hasLoneSurrogate(getText())) {
        throw new JsonParseException(
            this, "A string holds an unpaired UTF-16 surrogate at " + location(this));
      }
    }
    return token;
  }

  static boolean isNegativeZero(String number) {
    if (!number.startsWith("-")) {
      return false;
    }
    for (int i = 1; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == 'e' || c == 'E') {
        break; // the exponent cannot make a zero mantissa non-zero
      }
      if (c != '0' && c != '.') {
        return false;
      }
    }
    return true;
  }

  static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Where the parser is, as a JSON Pointer to the value being read (the field name a client recognises). */
  static String location(JsonParser parser) {
    String pointer = parser.getParsingContext().pathAsPointer().toString();
    return pointer.isEmpty() ? "the top level" : "'" + pointer + "'";
  }
}

package dev.catalog.local.events.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What SNS checks of one message before it accepts it: a body of XML characters, not empty; a subject of printable
 * ASCII under 100 characters; a {@code json} structure with its {@code default} entry; and its attributes (names,
 * types, values), all of it within 256 KiB (262,144 bytes: body, and every attribute's name, type and value).
 */
final class MessageValidation {
  /** SNS's limit on a message, its attributes included; also on a whole PublishBatch request. */
  static final int MAX_BYTES = 262_144;

  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,256}");
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final BigDecimal SMALLEST = new BigDecimal("1e-128");
  private static final BigDecimal LARGEST = new BigDecimal("1e126");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A message that passed. */
  record Valid(
      String message, String subject, Map<String, MessageAttribute> attributes, int bytes) {}

  private MessageValidation() {}

  /** @param request the message's parameters: Message, Subject, MessageStructure, MessageAttributes.entry.N.* */
  static Valid check(QueryRequest request) {
    String message = request.get("Message").orElse(null);
    if (message == null || message.isEmpty()) {
      throw SnsError.invalidParameter("Empty message");
    }
    if (!xmlCharacters(message)) {
      throw SnsError.invalidParameter("Message contains characters outside XML's character set");
    }
    String subject = request.get("Subject").orElse(null);
    if (subject != null
        && (subject.isEmpty()
            || subject.length() >= 100
            || !subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
            || !Character.isLetterOrDigit(subject.charAt(0))
                && !isPunctuation(subject.charAt(0)))) {
      throw SnsError.invalidParameter("Subject");
    }
    if (request.get("MessageStructure").filter("json"::equals).isPresent()) {
      checkJsonStructure(message);
    }
    Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
    int bytes = utf8(message);
    for (QueryRequest entry : request.members("MessageAttributes.entry")) {
      MessageAttribute attribute = attribute(entry);
      String name = entry.get("Name").orElse("");
      if (attributes.put(name, attribute) != null) {
        throw SnsError.invalidValue("Message attribute name '" + name + "' is repeated");
      }
      bytes +=
          utf8(name)
              + utf8(attribute.dataType())
              + (attribute.stringValue() != null
                  ? utf8(attribute.stringValue())
                  : Base64.getDecoder().decode(attribute.binaryValue()).length);
    }
    if (bytes > MAX_BYTES) {
      throw SnsError.invalidParameter("Message too long");
    }
    return new Valid(message, subject, Map.copyOf(attributes), bytes);
  }

  private static MessageAttribute attribute(QueryRequest entry) {
    String name = entry.get("Name").orElse("");
    if (!ATTRIBUTE_NAME.matcher(name).matches()
        || name.startsWith(".")
        || name.endsWith(".")
        || name.contains("..")) {
      throw SnsError.invalidValue(
          "The message attribute name '"
              + name
              + "' is invalid: it can contain only A-Z,"
              + " a-z, 0-9, '_', '-' and '.', at most 256 characters, not starting or ending with '.' nor with '..'");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("aws.") || lower.startsWith("amazon.")) {
      throw SnsError.invalidValue(
          "The message attribute name '" + name + "' starts with a prefix reserved for AWS");
    }
    String type = entry.get("Value.DataType").orElse("");
    if (type.isEmpty() || utf8(type) > 256) {
      throw SnsError.invalidValue(
          "The message attribute '" + name + "' must contain a data type of 1 to 256 bytes");
    }
    String base = type.split("\\.", 2)[0];
    boolean array = type.equals("String.Array");
    if (!base.equals("String") && !base.equals("Number") && !base.equals("Binary")) {
      // InvalidParameter, not ParameterValueInvalid, for this one refusal: as moto's SNS answers
      // it.
      throw new SnsError(
          "InvalidParameter",
          400,
          "The message attribute '"
              + name
              + "' has an invalid message"
              + " attribute type, the set of supported type prefixes is Binary, Number, and String.");
    }
    String string = entry.get("Value.StringValue").orElse(null);
    String binary = entry.get("Value.BinaryValue").orElse(null);
    if (base.equals("Binary")) {
      if (binary == null || binary.isEmpty() || string != null) {
        throw SnsError.invalidValue(
            "The message attribute '"
                + name
                + "' with type 'Binary' must have a non-empty"
                + " binary value and no string value");
      }
      try {
        Base64.getDecoder().decode(binary);
      } catch (IllegalArgumentException e) {
        throw SnsError.invalidValue(
            "The message attribute '" + name + "' has a binary value that is not base64");
      }
      return new MessageAttribute(type, null, binary);
    }
    if (string == null || string.isEmpty() || binary != null) {
      throw SnsError.invalidValue(
          "The message attribute '"
              + name
              + "' with type '"
              + type
              + "' must have a"
              + " non-empty string value and no binary value");
    }
    if (!xmlCharacters(string)) {
      throw SnsError.invalidValue(
          "The message attribute '" + name + "' has characters outside XML's character set");
    }
    if (base.equals("Number") && !number(string)) {
      throw SnsError.invalidValue(
          "Could not cast message attribute '" + name + "' value to number.");
    }
    if (array && !stringArray(string)) {
      throw SnsError.invalidValue(
          "The message attribute '"
              + name
              + "' with type 'String.Array' must be a JSON"
              + " array of strings, numbers, true, false or null");
    }
    return new MessageAttribute(type, string, null);
  }

  /** SNS's numbers: up to 38 significant digits, magnitude 0 or from 10^-128 to 10^126. */
  private static boolean number(String text) {
    String trimmed = text.strip();
    if (!NUMBER.matcher(trimmed).matches()) {
      return false;
    }
    BigDecimal value = new BigDecimal(trimmed);
    if (value.signum() == 0) {
      return true;
    }
    BigDecimal magnitude = value.abs();
    return value.stripTrailingZeros().precision() <= 38
        && magnitude.compareTo(SMALLEST) >= 0
        && magnitude.compareTo(LARGEST) <= 0;
  }

  private static boolean stringArray(String text) {
    try {
      JsonNode array = JSON.readTree(text);
      if (array == null || !array.isArray()) {
        return false;
      }
      for (JsonNode element : array) {
        if (!(element.isTextual()
            || element.isNumber()
            || element.isBoolean()
            || element.isNull())) {
          return false;
        }
      }
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static void checkJsonStructure(String message) {
    JsonNode structure;
    try {
      structure = JSON.readTree(message);
    } catch (JsonProcessingException e) {
      throw SnsError.invalidParameter("Message Structure - JSON message body failed to parse");
    }
    if (structure == null || !structure.path("default").isTextual()) {
      throw SnsError.invalidParameter("Message Structure - No default entry in JSON message body");
    }
  }

  /** XML 1.0's Char production, which SNS requires of message text. */
  static boolean xmlCharacters(String text) {
    return text.codePoints()
        .allMatch(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD
                    || c >= 0x10000 && c <= 0x10FFFF);
  }

  private static boolean isPunctuation(char c) {
    return c > 0x20 && c < 0x7f && !Character.isLetterOrDigit(c);
  }

  static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}

package dev.catalog.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The project's one Jackson configuration: strict on the way in, exact on the way out.
 *
 * <p>Reading rejects what JSON allows but a product never needs and what would silently corrupt data: duplicate keys,
 * nesting deeper than {@link #MAX_DEPTH}, numbers longer than {@link #MAX_NUMBER_LENGTH} characters, negative zero,
 * lone UTF-16 surrogates, a byte order mark, bytes that are not UTF-8, and anything after the top-level value.
 * Decimals are read as {@code BigDecimal}, so {@code 19.99} is never a binary float, and written in plain notation.
 */
public final class Json {
  /** Products nest two levels deep; 32 leaves room for error and stops a 10,000-level document at once. */
  static final int MAX_DEPTH = 32;

  static final int MAX_NUMBER_LENGTH = 64;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  /**
   * The parts of Jackson's messages addressed to a Java developer, not to the client: which feature to enable
   * ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"), which setting set a limit ("from
   * `StreamReadConstraints.getMaxNestingDepth()`"), and a description of the input source.
   */
  private static final Pattern LIBRARY_HINTS =
      Pattern.compile(
          ", from `[^`]*`"
              + "|:? enable `[^`]*` to allow"
              + "| \\(start marker at \\[[^\\]]*]\\)"
              + "| \\(not recognized as one since Feature '\\w+' not enabled for parser\\)");

  private Json() {}

  /**
   * Parses a request body given as bytes (base64 in the event). The bytes must be UTF-8 (RFC 8259 section 8.1) and
   * are decoded first, then read like text: Jackson's byte parser would otherwise skip a byte order mark and detect
   * UTF-16 and UTF-32 on its own, accepting bodies the text form refuses.
   */
  public static ObjectNode readObject(byte[] body) {
    ByteBuffer bytes = ByteBuffer.wrap(body);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw HttpError.badRequest(
          "malformed-json",
          "Malformed JSON",
          "The body is not valid UTF-8 at byte " + bytes.position() + ".");
    }
    return readObject(text);
  }

  /** Parses a request body that must be one JSON object, given as text (API Gateway passes text bodies so). */
  public static ObjectNode readObject(String body) {
    if (body.startsWith("\uFEFF")) {
      throw HttpError.badRequest(
          "malformed-json",
          "Malformed JSON",
          "The body starts with a byte order mark, which JSON sent over a network must not have (RFC 8259).");
    }
    try {
      return readObject(FACTORY.createParser(body));
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static ObjectNode readObject(JsonParser raw) throws IOException {
    try (JsonParser parser = new StrictParser(raw)) {
      JsonNode node;
      try {
        node = JsonTrees.read(parser);
      } catch (NumberFormatException | ArithmeticException outOfRange) {
        // BigDecimal's scale is an int, so 1e-2147483649 is valid JSON it cannot hold; Jackson lets
        // that through.
        throw HttpError.badRequest(
            "json-too-complex",
            "JSON exceeds a limit",
            "The number at " + StrictParser.location(parser) + " has an exponent out of range.");
      }
      if (parser.nextToken() != null) {
        throw HttpError.badRequest(
            "malformed-json",
            "Malformed JSON",
            "Unexpected content after the JSON value at " + StrictParser.location(parser) + ".");
      }
      if (node == null) {
        throw HttpError.badRequest(
            "malformed-json", "Malformed JSON", "The request body holds no JSON value.");
      }
      if (!node.isObject()) {
        throw HttpError.badRequest(
            "not-an-object",
            "Expected a JSON object",
            "The request body must be a JSON object, not " + describe(node) + ".");
      }
      return (ObjectNode) node;
    }
  }

  private static HttpError malformed(IOException e) {
    String detail =
        withoutHints(
            e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage());
    if (e instanceof StreamConstraintsException) {
      return HttpError.badRequest("json-too-complex", "JSON exceeds a limit", detail);
    }
    if (e instanceof JsonProcessingException json && json.getLocation() != null) {
      detail +=
          " (line "
              + json.getLocation().getLineNr()
              + ", column "
              + json.getLocation().getColumnNr()
              + ")";
    }
    return HttpError.badRequest("malformed-json", "Malformed JSON", detail);
  }

  /** Jackson's message without what speaks of Jackson itself (its features, its settings, its input source). */
  private static String withoutHints(String message) {
    return message == null
        ? "The body is not valid JSON."
        : LIBRARY_HINTS.matcher(message).replaceAll("");
  }

  /** Names a JSON value's type the way a client thinks of it: "an array", "a string", "null". */
  public static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING, BINARY -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
    };
  }

  public static ObjectNode newObject() {
    return JsonTrees.NODES.objectNode();
  }

  /** A generator with the project's settings (plain decimals), for writing response bodies. */
  public static JsonGenerator generator(Writer out) {
    try {
      return FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The canonical text of a JSON value, equal for two values exactly when they are the same JSON value: object
   * members sorted by name (UTF-16 code units, as RFC 8785 does), no white space, strings as the generator escapes
   * them, and every number by its value (1, 1.0, 10e-1 and 1.00 all become {@code 1}; 100 becomes {@code 1E+2}).
   * Member order and white space carry no meaning in JSON; neither does the spelling of a number here, since every
   * number is read as a decimal.
   */
  public static String canonical(JsonNode node) {
    return text(json -> JsonTrees.writeCanonical(node, json));
  }

  /** A parser with the project's limits, for the Lambda event; the caller closes it. */
  public static JsonParser parser(InputStream in) throws IOException {
    return FACTORY.createParser(in);
  }

  /** A generator with the project's settings writing UTF-8 to {@code out}; the caller closes it. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  /** The tree as JSON text, decimals in plain notation. */
  public static String write(JsonNode node) {
    return text(json -> JsonTrees.write(node, json));
  }

  /** Writes JSON to a generator with the project's settings. */
  @FunctionalInterface
  public interface Writing {
    void write(JsonGenerator json) throws IOException;
  }

  /** What {@code writing} writes, as JSON text. */
  public static String text(Writing writing) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = generator(out)) {
      writing.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

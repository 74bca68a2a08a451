package dev.catalog.kernel;

import static dev.catalog.kernel.HttpErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  private static HttpError malformed(String body) {
    return assertProblem(400, "malformed-json", () -> Json.readObject(body));
  }

  @Test
  void messagesLeaveOutJacksonsOwnSettings() {
    for (String body : new String[] {"{\"a\": NaN}", "{\"a\": 01}", "[".repeat(40)}) {
      HttpError error = assertThrows(HttpError.class, () -> Json.readObject(body));
      assertFalse(error.detail().contains("`"), error.detail());
      assertFalse(error.detail().contains("StreamReadConstraints"), error.detail());
      assertFalse(error.detail().isBlank());
    }
  }

  @Test
  void bytesAreReadAsUtf8EvenWhenJacksonCouldDetectAnotherEncoding() {
    assertProblem(
        400,
        "malformed-json",
        () -> Json.readObject("{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_16BE)));
    assertProblem(
        400,
        "malformed-json",
        () -> Json.readObject("{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_16)));
  }

  @Test
  void readsAnObjectWithNestedValues() {
    ObjectNode object =
        Json.readObject(" {\"name\": \"Lamp\", \"tags\": [\"a\", {\"b\": null}], \"ok\": true} \n");
    assertEquals("Lamp", object.get("name").textValue());
    assertTrue(object.get("tags").get(1).get("b").isNull());
    assertTrue(object.get("ok").booleanValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t\r "})
  void emptyOrWhitespaceBodyIs400SayingItHoldsNoValue(String body) {
    assertEquals("The request body holds no JSON value.", malformed(body).detail());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "{\"a\":}",
        "{'a':1}",
        "{a:1}",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{\"a\":[1,]}",
        "}",
        "{\"a\":01}",
        "{\"a\":+1}",
        "{\"a\":.5}",
        "{\"a\":\"\t\"}",
        "{\"a\":tru}",
        "{/*c*/}"
      })
  void malformedJsonIs400WithLineAndColumn(String body) {
    assertTrue(malformed(body).detail().matches("(?s).*\\(line \\d+, column \\d+\\)"), body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}{}", "{} x", "{} []", "{} 1", "{}\u0000", "{}}", "{} null"})
  void contentAfterTheTopLevelValueIs400(String body) {
    malformed(body);
  }

  @Test
  void whitespaceAfterTheTopLevelValueIsAccepted() {
    assertEquals(0, Json.readObject("{}\r\n\t ").size());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[] | an array",
        "[{}] | an array",
        "\"x\" | a string",
        "1 | a number",
        "-1.5e3 | a number",
        "null | null",
        "true | a boolean"
      })
  void topLevelValueThatIsNotAnObjectIs400NamingWhatWasSent(String body, String described) {
    HttpError error = assertProblem(400, "not-an-object", () -> Json.readObject(body));
    assertEquals("The request body must be a JSON object, not " + described + ".", error.detail());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"a\":1,\"a\":1}", "{\"a\":1,\"b\":2,\"a\":null}", "{\"o\":{\"x\":1,\"x\":2}}"})
  void duplicateKeysAre400NamingTheKey(String body) {
    assertTrue(malformed(body).detail().matches("Duplicate field '[ax]'.*"));
  }

  @Test
  void sameKeyInDifferentObjectsIsNotADuplicate() {
    assertDoesNotThrow(() -> Json.readObject("{\"a\":{\"a\":1},\"b\":[{\"a\":1},{\"a\":2}]}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "{\"a\":"})
  void nesting10000LevelsDeepIsAClear400NotAStackOverflow(String level) {
    String body = level.repeat(10_000) + "1" + (level.equals("[") ? "]" : "}").repeat(10_000);
    HttpError error = assertProblem(400, "json-too-complex", () -> Json.readObject(body));
    assertTrue(error.detail().contains("nesting depth"), error.detail());
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    int inner = Json.MAX_DEPTH - 1;
    assertDoesNotThrow(() -> Json.readObject("{\"a\":".repeat(inner) + "{}" + "}".repeat(inner)));
    assertProblem(
        400,
        "json-too-complex",
        () -> Json.readObject("{\"a\":".repeat(inner + 1) + "{}" + "}".repeat(inner + 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0", "-0.0", "-0e5", "-0E+3", "-0.000e-7", "-0e0"})
  void negativeZeroIs400NamingTheField(String number) {
    HttpError error = malformed("{\"price\": " + number + "}");
    assertTrue(
        error.detail().startsWith("Negative zero is not allowed at '/price'"), error.detail());
  }

  @Test
  void negativeZeroInsideAnArrayIs400NamingTheElement() {
    assertTrue(
        malformed("{\"a\":[1,-0]}").detail().startsWith("Negative zero is not allowed at '/a/1'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.0", "0e5", "-0.01", "-1", "-1e-9", "-10"})
  void zeroAndNegativeNonZeroNumbersAreAccepted(String number) {
    assertEquals(
        new BigDecimal(number).signum(),
        Json.readObject("{\"n\":" + number + "}").get("n").decimalValue().signum());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "+Infinity", "nan"})
  void nonFiniteNumbersAre400(String number) {
    malformed("{\"price\":" + number + "}");
  }

  @Test
  void hugeExponentWithinBigDecimalRangeIsReadExactly() {
    assertEquals(
        new BigDecimal("1e999999"), Json.readObject("{\"n\":1e999999}").get("n").decimalValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999999", "1e-999999999999", "-5E+99999999999"})
  void exponentBeyondBigDecimalIs400NotA500(String number) {
    HttpError error =
        assertProblem(400, "json-too-complex", () -> Json.readObject("{\"n\":" + number + "}"));
    assertEquals("The number at '/n' has an exponent out of range.", error.detail());
  }

  @Test
  void numberLongerThanTheLimitIs400() {
    assertProblem(
        400,
        "json-too-complex",
        () -> Json.readObject("{\"n\":" + "9".repeat(Json.MAX_NUMBER_LENGTH + 1) + "}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "19.99",
        "123456789012345678901234567890",
        "123456789012345678901234567890.123456789",
        "0.000000000000000000000000000001"
      })
  void decimalsAreKeptExactAsBigDecimal(String number) {
    var node = Json.readObject("{\"n\":" + number + "}").get("n");
    assertEquals(new BigDecimal(number), node.decimalValue());
    assertEquals(new BigDecimal(number).toPlainString(), node.decimalValue().toPlainString());
  }

  @Test
  void aFractionIsNeverABinaryFloat() {
    assertTrue(Json.readObject("{\"n\":19.99}").get("n").isBigDecimal());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\ud800",
        "\\udc00",
        "x\\ud800",
        "\\ud800x",
        "\\ude00\\ud83d",
        "\\ud83d\\ude00\\ud800",
        "\\ud83d\\ud83d\\ude00"
      })
  void escapedLoneSurrogateIs400NamingTheField(String text) {
    HttpError error = malformed("{\"name\":\"" + text + "\"}");
    assertTrue(
        error.detail().startsWith("A string holds an unpaired UTF-16 surrogate at '/name'"),
        error.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDC00b", "\uDE00\uD83D"})
  void rawLoneSurrogateInAJavaStringIs400(String text) {
    malformed("{\"name\":\"" + text + "\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"\\ud800\":1}", "{\"\\udc00\":1}", "{\"\uD800\":1}"})
  void loneSurrogateInAFieldNameIs400(String body) {
    malformed(body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\ud83d\\ude00", "\uD83D\uDE00", "\\uD83D\\uDE00"})
  void validSurrogatePairIsAccepted(String emoji) {
    assertEquals("😀", Json.readObject("{\"name\":\"" + emoji + "\"}").get("name").textValue());
  }

  @Test
  void validUtf8BytesAreRead() {
    byte[] body = "{\"name\":\"Café € 😀\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals("Café € 😀", Json.readObject(body).get("name").textValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"C3 28", "C0 AF", "ED A0 80", "FF", "80", "F8 88 80 80 80", "E2 82"})
  void invalidUtf8BytesAre400(String hex) {
    byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] bad = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
    byte[] body = new byte[prefix.length + bad.length + 2];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    System.arraycopy(bad, 0, body, prefix.length, bad.length);
    body[body.length - 2] = '"';
    body[body.length - 1] = '}';
    assertProblem(400, "malformed-json", () -> Json.readObject(body));
  }

  @Test
  void emptyByteBodyIs400() {
    assertProblem(400, "malformed-json", () -> Json.readObject(new byte[0]));
  }

  @Test
  void writeUsesPlainDecimalNotation() {
    ObjectNode object = Json.newObject();
    object
        .put("a", new BigDecimal("1E+2"))
        .put("b", new BigDecimal("1E-7"))
        .put("c", new BigDecimal("19.99"));
    assertEquals("{\"a\":100,\"b\":0.0000001,\"c\":19.99}", Json.write(object));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{} | an object",
        "[] | an array",
        "\"s\" | a string",
        "2 | a number",
        "2.5 | a number",
        "false | a boolean",
        "null | null"
      })
  void describeNamesAValueTheWayAClientThinksOfIt(String value, String expected) {
    assertEquals(expected, Json.describe(Json.readObject("{\"v\":" + value + "}").get("v")));
  }
}

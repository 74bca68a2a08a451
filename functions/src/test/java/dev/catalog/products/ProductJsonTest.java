package dev.catalog.products;

import static dev.catalog.kernel.HttpErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a product from a request body: JSON types, unknown and server fields, defaults, and every constraint. */
class ProductJsonTest {
  private static final String VALID =
      "{\"name\":\"Desk lamp\",\"price\":19.99,\"category\":\"lighting\"}";

  private static Product read(String json) {
    return ProductJson.read(Json.readObject(json));
  }

  /** The valid product with {@code field} set to the JSON text {@code value}. */
  private static Product readWith(String field, String value) {
    ObjectNode json = Json.readObject(VALID);
    json.set(field, Json.readObject("{\"v\":" + value + "}").get("v"));
    return ProductJson.read(json);
  }

  /** The errors of a body that must fail validation, each as "field: message". */
  private static List<String> errors(Runnable read) {
    HttpError error = assertProblem(400, "validation-failed", read::run);
    return error.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private static String strings(int count, String prefix) {
    return IntStream.range(0, count).mapToObj(i -> quoted(prefix + i)).toList().toString();
  }

  @Test
  void readsAValidProductApplyingDefaults() {
    Product product = read(VALID);
    assertEquals("Desk lamp", product.getName());
    assertEquals(new BigDecimal("19.99"), product.getPrice());
    assertEquals("lighting", product.getCategory());
    assertNull(product.getDescription());
    assertEquals("USD", product.getCurrency());
    assertEquals(List.of(), product.getTags());
    assertEquals(0, product.getStock());
  }

  @Test
  void readsEveryWritableField() {
    Product product =
        read(
            "{\"name\":\"Lamp\",\"description\":\"Brass.\",\"price\":120,\"currency\":\"EUR\","
                + "\"category\":\"lighting\",\"tags\":[\"brass\",\"desk\"],\"stock\":7}");
    assertEquals("Brass.", product.getDescription());
    assertEquals("120", product.getPrice().toPlainString());
    assertEquals("EUR", product.getCurrency());
    assertEquals(List.of("brass", "desk"), product.getTags());
    assertEquals(7, product.getStock());
  }

  private static final String WHOLE = "stock: must be a whole number up to 2147483647, not ";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "name        | 1           | name: must be a string, not a number",
        "name        | true        | name: must be a string, not a boolean",
        "name        | []          | name: must be a string, not an array",
        "name        | {}          | name: must be a string, not an object",
        "description | 5           | description: must be a string, not a number",
        "currency    | 840         | currency: must be a string, not a number",
        "category    | [\"a\"]     | category: must be a string, not an array",
        "price       | \"19.99\"   | price: must be a JSON number, not a string",
        "price       | true        | price: must be a JSON number, not a boolean",
        "price       | {}          | price: must be a JSON number, not an object",
        "tags        | \"a\"       | tags: must be an array of strings, not a string",
        "tags        | {}          | tags: must be an array of strings, not an object",
        "tags        | [\"a\",1]   | tags[1]: must be a string, not a number",
        "tags        | [\"a\",\"b\",null] | tags[2]: must be a string, not null",
        "tags        | [[\"a\"]]   | tags[0]: must be a string, not an array",
        "stock       | \"5\"       | ~a string",
        "stock       | 1.0         | ~a number with a fraction or an exponent",
        "stock       | 1e2         | ~a number with a fraction or an exponent",
        "stock       | 1.5         | ~a number with a fraction or an exponent",
        "stock       | 2147483648  | ~2147483648",
        "stock       | 99999999999999999999999 | ~99999999999999999999999",
        "stock       | true        | ~a boolean"
      })
  void wrongJsonTypeIsNamedWithTheFieldPathAndNothingElseIsReportedForIt(
      String field, String value, String error) {
    assertEquals(List.of(error.replace("~", WHOLE)), errors(() -> readWith(field, value)));
  }

  @Test
  void unknownFieldsAreEachNamed() {
    assertEquals(
        List.of(
            "colour: is not a field of a product",
            "Name: is not a field of a product",
            "price : is not a field of a product"),
        errors(
            () ->
                read(
                    "{\"name\":\"Lamp\",\"price\":1,\"category\":\"c\",\"colour\":\"red\",\"Name\":\"x\",\"price \":2}")));
  }

  @Test
  void unknownFieldsSetToNullAreNamedAsAnyOtherValueIs() {
    assertEquals(
        List.of("colour: is not a field of a product", "Name: is not a field of a product"),
        errors(
            () ->
                read(
                    "{\"name\":\"Lamp\",\"price\":1,\"category\":\"c\",\"colour\":null,\"Name\":null}")));
    assertEquals(
        List.of("colour: is not a field of a product"),
        errors(
            () ->
                ProductJson.read(
                    Json.readObject(
                        "{\"name\":\"Lamp\",\"price\":1,\"category\":\"c\",\"colour\":null}"),
                    "p-1")));
  }

  @Test
  void everyProblemIsReportedTogetherTypeErrorsFirstThenConstraintsByField() {
    HttpError error =
        assertProblem(
            400,
            "validation-failed",
            () ->
                read(
                    "{\"name\":1,\"price\":\"x\",\"foo\":1,"
                        + "\"tags\":[\"a\",\"\",\"a\"],\"stock\":-1,\"currency\":\"usd\",\"description\":\""
                        + "d".repeat(4001)
                        + "\"}"));
    assertEquals("9 fields are invalid.", error.detail());
    assertEquals(
        List.of(
            "name: must be a string, not a number",
            "price: must be a JSON number, not a string",
            "foo: is not a field of a product",
            "category: is required",
            "currency: must be an ISO 4217 currency code such as USD or EUR",
            "description: must be at most 4000 characters",
            "stock: must be 0 or more",
            "tags: must not contain duplicates",
            "tags[1]: must not be blank"),
        error.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
  }

  @Test
  void serverManagedFieldsAreIgnoredWhateverTheyHold() {
    Product product =
        read(
            "{\"id\":\"../not an id\",\"createdAt\":\"yesterday\",\"updatedAt\":5,\"version\":[],"
                + VALID.substring(1));
    assertNull(product.getId());
    assertNull(product.getCreatedAt());
    assertNull(product.getUpdatedAt());
    assertNull(product.getVersion());
  }

  @Test
  void nullMeansNotGivenSoDefaultsApply() {
    Product product =
        read(
            "{\"description\":null,\"currency\":null,\"tags\":null,\"stock\":null,"
                + VALID.substring(1));
    assertNull(product.getDescription());
    assertEquals("USD", product.getCurrency());
    assertEquals(List.of(), product.getTags());
    assertEquals(0, product.getStock());
  }

  @Test
  void requiredFieldsMissingOrNullAreEachReported() {
    List<String> required =
        List.of("category: is required", "name: is required", "price: is required");
    assertEquals(required, errors(() -> read("{}")));
    assertEquals(required, errors(() -> read("{\"name\":null,\"price\":null,\"category\":null}")));
  }

  @Test
  void nameCategoryAndTagsAreTrimmedButDescriptionAndCurrencyAreNot() {
    Product product =
        read(
            "{\"name\":\" \\t Lamp \\n\",\"category\":\"  lighting \",\"tags\":[\" a \",\"b  \"],"
                + "\"description\":\"  as written  \",\"price\":1}");
    assertEquals("Lamp", product.getName());
    assertEquals("lighting", product.getCategory());
    assertEquals(List.of("a", "b"), product.getTags());
    assertEquals("  as written  ", product.getDescription());
    assertEquals(
        List.of("currency: must be an ISO 4217 currency code such as USD or EUR"),
        errors(() -> readWith("currency", "\" USD\"")));
  }

  static Stream<Arguments> acceptedValues() {
    return Stream.of(
        Arguments.of("name", quoted("N")),
        Arguments.of("name", quoted("n".repeat(200))),
        Arguments.of("name", quoted("  " + "n".repeat(200) + "  ")),
        Arguments.of("name", quoted("Lampe à poser 😀")),
        Arguments.of("description", quoted("")),
        Arguments.of("description", quoted("d".repeat(4000))),
        Arguments.of("price", "0"),
        Arguments.of("price", "0.01"),
        Arguments.of("price", "1e-2"),
        Arguments.of("price", "1000000000"),
        Arguments.of("price", "1e9"),
        Arguments.of("price", "1000000000.00"),
        Arguments.of("currency", quoted("EUR")),
        Arguments.of("currency", quoted("JPY")),
        Arguments.of("category", quoted("c")),
        Arguments.of("category", quoted("c".repeat(64))),
        Arguments.of("tags", "[]"),
        Arguments.of("tags", strings(20, "t")),
        Arguments.of("tags", "[\"a\",\"A\"]"),
        Arguments.of("tags", "[" + quoted("t".repeat(32)) + "]"),
        Arguments.of("stock", "0"),
        Arguments.of("stock", "2147483647"));
  }

  @ParameterizedTest
  @MethodSource
  void acceptedValues(String field, String value) {
    readWith(field, value);
  }

  static Stream<Arguments> refusedValues() {
    String iso = "currency: must be an ISO 4217 currency code such as USD or EUR";
    return Stream.of(
        Arguments.of("name", quoted(""), "name: is required"),
        Arguments.of("name", quoted(" \\t "), "name: is required"),
        Arguments.of("name", quoted("n".repeat(201)), "name: must be at most 200 characters"),
        Arguments.of(
            "description",
            quoted("d".repeat(4001)),
            "description: must be at most 4000 characters"),
        Arguments.of("price", "-0.01", "price: must be at least 0"),
        Arguments.of("price", "1000000000.01", "price: must be at most 1000000000"),
        Arguments.of("price", "19.999", "price: must have at most 2 decimal places"),
        Arguments.of("price", "1e-3", "price: must have at most 2 decimal places"),
        Arguments.of("currency", quoted("usd"), iso),
        Arguments.of("currency", quoted("Usd"), iso),
        Arguments.of("currency", quoted("US"), iso),
        Arguments.of("currency", quoted("USDX"), iso),
        Arguments.of("currency", quoted("ZZZ"), iso),
        Arguments.of("currency", quoted(""), iso),
        Arguments.of("category", quoted("  "), "category: is required"),
        Arguments.of("category", quoted("c".repeat(65)), "category: must be at most 64 characters"),
        Arguments.of("tags", strings(21, "t"), "tags: must hold at most 20 tags"),
        Arguments.of("tags", "[\"a\",\"b\",\"a\"]", "tags: must not contain duplicates"),
        Arguments.of("tags", "[\"a\",\" a \"]", "tags: must not contain duplicates"),
        Arguments.of("tags", "[\"a\",\"\",\"b\"]", "tags[1]: must not be blank"),
        Arguments.of("tags", "[\"a\",\"b\",\"   \"]", "tags[2]: must not be blank"),
        Arguments.of(
            "tags",
            "[\"a\",\"b\"," + quoted("t".repeat(33)) + "]",
            "tags[2]: must be at most 32 characters"),
        Arguments.of("name", quoted("a\\u0000b"), "name: must not contain control characters"),
        Arguments.of("name", quoted("line\\nbreak"), "name: must not contain control characters"),
        Arguments.of(
            "category", quoted("esc\\u001b[31m"), "category: must not contain control characters"),
        Arguments.of("tags", "[\"a\\u0007\"]", "tags[0]: must not contain control characters"),
        Arguments.of(
            "description",
            quoted("nul\\u0000"),
            "description: must not contain control characters other than tab and line breaks"),
        Arguments.of("stock", "-1", "stock: must be 0 or more"),
        Arguments.of("stock", "-2147483648", "stock: must be 0 or more"));
  }

  @Test
  void descriptionsMayHoldTabsAndLineBreaks() {
    assertEquals("a\tb\r\nc", readWith("description", quoted("a\\tb\\r\\nc")).getDescription());
  }

  @Test
  void aPriceWithAHugeExponentIsReportedOnlyAsTooLarge() {
    assertEquals(
        List.of("price: must be at most 1000000000"), errors(() -> readWith("price", "1e999999")));
  }

  @ParameterizedTest
  @MethodSource
  void refusedValues(String field, String value, String error) {
    assertEquals(List.of(error), errors(() -> readWith(field, value)));
  }

  @ParameterizedTest
  @CsvSource({"19.99", "0.01", "123456.78", "1000000000"})
  void priceIsKeptExactAsBigDecimal(String price) {
    assertEquals(price, readWith("price", price).getPrice().toPlainString());
  }

  @Test
  void priceLosesTrailingZerosAsDynamoDbWouldSoWritesAndReadsAgree() {
    assertEquals("19.9", readWith("price", "19.90").getPrice().toPlainString());
    assertEquals("100", readWith("price", "100.00").getPrice().toPlainString());
  }

  @Test
  void priceWithTrailingZerosIsNumericallyTheSame() {
    assertEquals(0, new BigDecimal("19.9").compareTo(readWith("price", "19.90").getPrice()));
  }

  @ParameterizedTest
  @CsvSource({
    "39.900, 39.9",
    "1.500, 1.5",
    "0.000, 0",
    "1.0e-2, 0.01",
    "1000000000.000, 1000000000",
    "1.10E+1, 11",
    "0.010000, 0.01",
    "12.3400000000000000000000000000, 12.34"
  })
  void decimalPlacesAreJudgedByValueNotSpelling(String spelling, String stored) {
    assertEquals(stored, readWith("price", spelling).getPrice().toPlainString());
  }

  @ParameterizedTest
  @CsvSource({"1.999", "1.9990", "0.001", "1e-3", "10.005e0", "0.0000000000000000000000000000001"})
  void moreThanTwoDecimalPlacesByValueAreRefused(String spelling) {
    assertEquals(
        List.of("price: must have at most 2 decimal places"),
        errors(() -> readWith("price", spelling)));
  }

  /** The codes of ISO 4217's current list, not the JDK's table, which holds withdrawn codes and differs by version. */
  @ParameterizedTest
  @CsvSource({
    "USD", "EUR", "JPY", "CHF", "XCG", "ZWG", "SLE", "VED", "XAD", "XAF", "XOF", "XPF", "XCD",
    "XAU", "XDR", "CLF", "UYW"
  })
  void currenciesOfTheCurrentIso4217ListAreAccepted(String code) {
    assertEquals(code, readWith("currency", quoted(code)).getCurrency());
  }

  @ParameterizedTest
  @CsvSource({
    "DEM", "FRF", "ADP", "ESP", "HRK", "BGN", "ANG", "SLL", "ZWL", "CUC", "XTS", "XXX", "XFO", "XFU"
  })
  void withdrawnCurrenciesAndCodesThatAreNoCurrencyAreRefused(String code) {
    assertEquals(
        List.of("currency: must be an ISO 4217 currency code such as USD or EUR"),
        errors(() -> readWith("currency", quoted(code))));
  }

  @Test
  void hugeExponentPriceIsA400NotA500() {
    assertTrue(
        errors(() -> readWith("price", "1e999999")).contains("price: must be at most 1000000000"));
  }
}

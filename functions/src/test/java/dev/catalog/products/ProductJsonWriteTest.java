package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Writing a product: the response document and the writable document a merge patch applies to. */
class ProductJsonWriteTest {
  /** RFC 3339 section 5.6 date-time, in UTC as the API writes it. */
  private static final String RFC_3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  private static Product product() {
    Product product = new Product();
    product.setId("p-1");
    product.setName("Desk \"lamp\"");
    product.setDescription("Brass.");
    product.setPrice(new BigDecimal("1E+2"));
    product.setCurrency("EUR");
    product.setCategory("lighting");
    product.setTags(List.of("brass", "desk"));
    product.setStock(3);
    product.setCreatedAt(Instant.parse("2024-05-06T07:08:09.123Z"));
    product.setUpdatedAt(Instant.parse("2024-05-06T07:08:10Z"));
    product.setVersion(4L);
    return product;
  }

  @Test
  void writesEveryFieldInDocumentOrderWithAPlainPrice() {
    assertEquals(
        "{\"id\":\"p-1\",\"name\":\"Desk \\\"lamp\\\"\",\"description\":\"Brass.\",\"price\":100,"
            + "\"currency\":\"EUR\",\"category\":\"lighting\",\"tags\":[\"brass\",\"desk\"],\"stock\":3,"
            + "\"createdAt\":\"2024-05-06T07:08:09.123Z\",\"updatedAt\":\"2024-05-06T07:08:10.000Z\",\"version\":4}",
        ProductJson.write(product()));
  }

  @Test
  void omitsDescriptionWhenAbsent() {
    Product product = product();
    product.setDescription(null);
    assertNull(Json.readObject(ProductJson.write(product)).get("description"));
    assertNull(ProductJson.writable(product).get("description"));
  }

  @ParameterizedTest
  @CsvSource({"1E+2, 100", "1E+9, 1000000000", "19.99, 19.99", "0.10, 0.10", "1E-2, 0.01", "0, 0"})
  void writesPricesInPlainDecimalNotation(String price, String written) {
    Product product = product();
    product.setPrice(new BigDecimal(price));
    assertTrue(
        ProductJson.write(product).contains("\"price\":" + written + ","),
        ProductJson.write(product));
  }

  @Test
  void timestampsAreRfc3339UtcWithExactlyMillisecondPrecision() {
    Product product = product();
    product.setCreatedAt(
        ProductResource.now(
            Clock.fixed(Instant.parse("2024-05-06T07:08:09.123456789Z"), ZoneOffset.UTC)));
    ObjectNode json = Json.readObject(ProductJson.write(product));
    assertEquals("2024-05-06T07:08:09.123Z", json.get("createdAt").textValue());
    for (String field : List.of("createdAt", "updatedAt")) {
      String text = json.get(field).textValue();
      assertTrue(text.matches(RFC_3339_UTC), text);
      assertEquals(24, text.length(), "fixed width: " + text);
      assertEquals(
          OffsetDateTime.parse(text).toInstant(),
          field.equals("createdAt") ? product.getCreatedAt() : product.getUpdatedAt());
    }
  }

  @Test
  void stringsAreEscapedAndRoundTripExactly() {
    Product product = product();
    product.setName("a\u0001b\\c\n😀 é");
    String json = ProductJson.write(product);
    assertTrue(json.contains("\\u0001"), json);
    assertEquals(product.getName(), Json.readObject(json).get("name").textValue());
  }

  @Test
  void writtenProductReadsBackAsTheSameClientFields() {
    Product read = ProductJson.read(Json.readObject(ProductJson.write(product())));
    assertClientFieldsEqual(product(), read);
    assertNull(read.getId());
  }

  @Test
  void writableHoldsExactlyTheClientFieldsAndReadsBack() {
    ObjectNode writable = ProductJson.writable(product());
    List<String> names = new java.util.ArrayList<>();
    writable.fieldNames().forEachRemaining(names::add);
    assertEquals(
        List.of("name", "description", "price", "currency", "category", "tags", "stock"), names);
    assertClientFieldsEqual(product(), ProductJson.read(writable));
  }

  private static void assertClientFieldsEqual(Product expected, Product actual) {
    assertEquals(expected.getName(), actual.getName());
    assertEquals(expected.getDescription(), actual.getDescription());
    assertEquals(0, expected.getPrice().compareTo(actual.getPrice()));
    assertEquals(expected.getCurrency(), actual.getCurrency());
    assertEquals(expected.getCategory(), actual.getCategory());
    assertEquals(expected.getTags(), actual.getTags());
    assertEquals(expected.getStock(), actual.getStock());
  }
}

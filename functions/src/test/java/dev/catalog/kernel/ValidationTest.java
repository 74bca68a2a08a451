package dev.catalog.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.products.Product;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationTest {
  @ParameterizedTest
  @CsvSource({
    "tags.[2, tags[2]",
    "tags[2], tags[2]",
    "tags.[12, tags[12]",
    "tags.[0].name, tags[0].name",
    "a.[1].b.[2, a[1].b[2]",
    "price, price",
    "name, name",
    "dims.width, dims.width"
  })
  void elementPathsAreWrittenTheWayClientsReadThem(String avajePath, String clientPath) {
    assertEquals(clientPath, Validation.field(avajePath));
  }

  @Test
  void checkReportsEveryViolationOrderedByFieldWithElementPaths() {
    Product product = new Product();
    product.setId("p-1");
    product.setName(""); // the reader trims, so a blank name arrives empty
    product.setPrice(new BigDecimal("-1"));
    product.setCategory("c");
    product.setTags(List.of("ok", "", "x".repeat(33)));
    product.applyDefaults();
    assertEquals(
        List.of(
            new HttpError.FieldError("name", "is required"),
            new HttpError.FieldError("price", "must be at least 0"),
            new HttpError.FieldError("tags[1]", "must not be blank"),
            new HttpError.FieldError("tags[2]", "must be at most 32 characters")),
        Validation.check(product));
  }

  @Test
  void checkOfAValidBeanIsEmpty() {
    Product product = new Product();
    product.setId("p-1");
    product.setName("Lamp");
    product.setPrice(new BigDecimal("19.99"));
    product.setCategory("lighting");
    assertEquals(List.of(), Validation.check(product.applyDefaults()));
  }
}

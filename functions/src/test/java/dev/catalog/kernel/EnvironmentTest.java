package dev.catalog.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  @AfterEach
  void restoreTheProcessEnvironment() {
    Environment.use(System.getenv());
  }

  @Test
  void readsTheProcessEnvironmentByDefault() {
    Environment.use(System.getenv());
    assertEquals(System.getenv("PATH"), Environment.get("PATH"));
  }

  @Test
  void aHostCanGiveTheFunctionsItsOwnEnvironment() {
    Environment.use(Map.of("PRODUCTS_TABLE", "products-local"));

    assertEquals("products-local", Environment.require("PRODUCTS_TABLE"));
    assertNull(Environment.get("PATH"), "the given map is the whole environment");
  }

  @Test
  void requireNamesTheMissingVariable() {
    Environment.use(Map.of("BLANK", " "));

    assertTrue(
        assertThrows(IllegalStateException.class, () -> Environment.require("PRODUCTS_TABLE"))
            .getMessage()
            .contains("PRODUCTS_TABLE"));
    assertThrows(IllegalStateException.class, () -> Environment.require("BLANK"));
  }
}

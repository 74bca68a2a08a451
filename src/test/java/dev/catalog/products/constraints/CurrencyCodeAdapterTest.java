package dev.catalog.products.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The currency list the constraint reads: well-formed, complete, and without the codes that are no money. */
class CurrencyCodeAdapterTest {
  private static List<String> lines() throws IOException {
    try (InputStream in = CurrencyCodeAdapter.class.getResourceAsStream(CurrencyCodeAdapter.CODES_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void everyLineIsACommentOrAnUpperCaseCodeAndItsName() throws IOException {
    for (String line : lines()) {
      assertTrue(line.startsWith("# ") || line.matches("[A-Z]{3} \\S.*"), line);
    }
  }

  @Test
  void theListHoldsListOnesCodesOnceEachWithoutXtsAndXxx() throws IOException {
    long codes = lines().stream().filter(line -> !line.startsWith("#")).map(line -> line.substring(0, 3))
        .distinct().count();
    assertEquals(176, codes);
    assertEquals(176, CurrencyCodeAdapter.CODES.size());
    assertFalse(CurrencyCodeAdapter.CODES.contains("XTS"));
    assertFalse(CurrencyCodeAdapter.CODES.contains("XXX"));
  }
}

package dev.catalog.products.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The currency list the constraint holds: well-formed, complete, and without the codes that are no money. */
class CurrencyCodeAdapterTest {
  @Test
  void theListHoldsList1sCodesWithoutXtsAndXxx() {
    assertEquals(176, CurrencyCodeAdapter.CODES.size());
    CurrencyCodeAdapter.CODES.forEach(code -> assertTrue(code.matches("[A-Z]{3}"), code));
    assertFalse(CurrencyCodeAdapter.CODES.contains("XTS"));
    assertFalse(CurrencyCodeAdapter.CODES.contains("XXX"));
  }
}

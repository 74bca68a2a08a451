package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Text's shortcuts hold against the JDK's own definitions. */
class TextTest {
  /** Text skips the normalizer for text below U+0300: every pair of such characters must already be NFC. */
  @Test
  void everyPairOfCharactersBelowU0300IsAlreadyNfc() {
    char[] pair = new char[2];
    for (char first = 0; first < 0x300; first++) {
      for (char second = 0; second < 0x300; second++) {
        pair[0] = first;
        pair[1] = second;
        String text = new String(pair);
        assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), () -> "not NFC: " + text);
      }
    }
  }

  @Test
  void whiteSpaceIsExactlyTheCodePointsOfTheUnicodeProperty() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      assertEquals(
          TextOracle.WHITE_SPACE.contains((int) c),
          Text.isWhiteSpace(c),
          "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void normalizingKeepsNullAndComposesWhatNfcComposes() {
    assertEquals(null, Text.normalized(null));
    assertEquals(null, Text.trimmed(null));
    assertEquals("\u00e9", Text.normalized("e\u0301"));
    assertEquals("\u0915\u093c", Text.normalized("\u0958"));
  }
}

package dev.catalog.products;

import java.text.Normalizer;

/**
 * Text as the API takes it in, the same for every field and for a category in a query: normalized to Unicode NFC
 * first, so that canonically equivalent spellings ({@code "caf\u00e9"}, {@code "cafe\u0301"}) are one value when
 * trimmed, counted and compared; then, for one-line fields, without surrounding Unicode White_Space.
 */
public final class Text {
  private Text() {}

  /** {@code text} in NFC; null stays null. */
  static String normalized(String text) {
    if (text == null || isBelowCombiningMarks(text)) {
      return text;
    }
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /** {@code text} in NFC without leading and trailing White_Space; null stays null. */
  public static String trimmed(String text) {
    String normalized = normalized(text);
    if (normalized == null) {
      return null;
    }
    int start = 0;
    int end = normalized.length();
    // Every White_Space code point is in the BMP, so char by char is code point by code point here.
    while (start < end && isWhiteSpace(normalized.charAt(start))) {
      start++;
    }
    while (end > start && isWhiteSpace(normalized.charAt(end - 1))) {
      end--;
    }
    return normalized.substring(start, end);
  }

  /**
   * The Unicode property White_Space: the space, line and paragraph separators (general categories Zs, Zl, Zp, which
   * include NBSP and the other no-break spaces), plus tab, line feed, vertical tab, form feed, carriage return and NEL.
   * Not {@link Character#isWhitespace}, which leaves the no-break spaces and NEL out and puts U+001C..U+001F in.
   */
  static boolean isWhiteSpace(char c) {
    return switch (Character.getType(c)) {
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> (c >= '\t' && c <= '\r') || c == '\u0085';
    };
  }

  /**
   * Text whose every character is below U+0300, where the combining marks begin, is already NFC: no character there
   * decomposes canonically or composes with its neighbour. This keeps the normalizer's data out of the cold start
   * for the common case (ASCII and Latin-1 text).
   */
  private static boolean isBelowCombiningMarks(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= '\u0300') {
        return false;
      }
    }
    return true;
  }
}

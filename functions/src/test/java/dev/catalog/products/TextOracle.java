package dev.catalog.products;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract's text rules (docs/contract.md, "Text") written out the plain way, to judge the model's decisions in the
 * property tests: code points in a list, White_Space as the list of Unicode's PropList.txt, control characters and
 * noncharacters as code point ranges. Only NFC itself is the JDK's (a second implementation of the Unicode
 * normalization algorithm would not be obviously correct); everything around it (when it applies, what is trimmed,
 * counted and compared) is this class's own.
 */
final class TextOracle {
  /** Unicode 16 PropList.txt, White_Space: 25 code points. */
  static final Set<Integer> WHITE_SPACE =
      Set.of(
          0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
          0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000);

  /** What a field's rules decide: the value stored, or the messages of its errors. */
  record Decision(String value, Set<String> errors) {
    static Decision accepted(String value) {
      return new Decision(value, Set.of());
    }

    static Decision refused(Set<String> errors) {
      return new Decision(null, new TreeSet<>(errors));
    }
  }

  private TextOracle() {}

  static List<Integer> codePoints(String text) {
    List<Integer> codePoints = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      codePoints.add(codePoint);
      i += Character.charCount(codePoint);
    }
    return codePoints;
  }

  static String string(List<Integer> codePoints) {
    StringBuilder text = new StringBuilder();
    codePoints.forEach(text::appendCodePoint);
    return text.toString();
  }

  static boolean isCc(int c) {
    return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
  }

  static boolean isNoncharacter(int c) {
    return (c >= 0xFDD0 && c <= 0xFDEF) || c % 0x10000 == 0xFFFE || c % 0x10000 == 0xFFFF;
  }

  static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /** NFC, then White_Space dropped from both ends. */
  static String trim(String text) {
    List<Integer> codePoints = codePoints(nfc(text));
    int start = 0;
    int end = codePoints.size();
    while (start < end && WHITE_SPACE.contains(codePoints.get(start))) {
      start++;
    }
    while (end > start && WHITE_SPACE.contains(codePoints.get(end - 1))) {
      end--;
    }
    return string(codePoints.subList(start, end));
  }

  /** A name (max 200), category (64) or tag (32): {@code empty} is the message for nothing left after trimming. */
  static Decision oneLine(String sent, int max, String empty) {
    String kept = trim(sent);
    List<Integer> codePoints = codePoints(kept);
    Set<String> errors = new TreeSet<>();
    if (codePoints.isEmpty()) {
      errors.add(empty);
    }
    if (codePoints.size() > max) {
      errors.add("must be at most " + max + " characters");
    }
    if (codePoints.stream()
        .anyMatch(c -> isCc(c) || isNoncharacter(c) || c == 0x2028 || c == 0x2029)) {
      errors.add("must not contain control characters");
    }
    return errors.isEmpty() ? Decision.accepted(kept) : Decision.refused(errors);
  }

  /** A description: NFC, not trimmed, at most 4000 code points, tab and line breaks its only control characters. */
  static Decision description(String sent) {
    String kept = nfc(sent);
    List<Integer> codePoints = codePoints(kept);
    Set<String> errors = new TreeSet<>();
    if (codePoints.size() > 4000) {
      errors.add("must be at most 4000 characters");
    }
    if (codePoints.stream()
        .anyMatch(c -> (isCc(c) && c != '\t' && c != '\n' && c != '\r') || isNoncharacter(c))) {
      errors.add("must not contain control characters other than tab and line breaks");
    }
    return errors.isEmpty() ? Decision.accepted(kept) : Decision.refused(errors);
  }
}

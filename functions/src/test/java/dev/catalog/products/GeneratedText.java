package dev.catalog.products;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators of text that goes where the rules are sharp: every kind of White_Space and its look-alikes, C0 and C1
 * controls, noncharacters, combining marks and the characters they compose with, Hangul jamo, characters NFC
 * changes, astral characters, and any code point at all now and then.
 */
final class GeneratedText {
  private GeneratedText() {}

  static Arbitrary<Integer> codePoint() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.of(codePointsOf("abcXYZ019 -_.éÅß"))),
        Tuple.of(4, Arbitraries.of(List.copyOf(new TreeSet<>(TextOracle.WHITE_SPACE)))),
        // Invisible or space-like, but not White_Space: ZWSP, Mongolian vowel separator, BOM, word
        // joiner, U+001C..F.
        Tuple.of(2, Arbitraries.of(0x200B, 0x180E, 0xFEFF, 0x2060, 0x1C, 0x1D, 0x1E, 0x1F)),
        Tuple.of(2, Arbitraries.integers().between(0x00, 0x1F)),
        Tuple.of(2, Arbitraries.integers().between(0x7F, 0x9F)),
        Tuple.of(
            1, Arbitraries.of(0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF, 0xFFFD, 0xFDCF)),
        Tuple.of(4, Arbitraries.integers().between(0x0300, 0x036F)),
        // e + acute composes; ANGSTROM SIGN and OHM SIGN normalize to letters; U+0958 decomposes
        // under NFC; jamo.
        Tuple.of(
            4,
            Arbitraries.of(
                0x65, 0x301, 0x41, 0x30A, 0x212B, 0x2126, 0x0958, 0x1100, 0x1161, 0x11A8, 0xAC00,
                0x0323, 0x0307, 0x1E0B)),
        Tuple.of(3, Arbitraries.of(0x1F600, 0x1F44D, 0x1F3FD, 0x200D, 0x1D400, 0x20000, 0x2F800)),
        Tuple.of(
            1,
            Arbitraries.integers()
                .between(0, 0x10FFFF)
                .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)));
  }

  /** Letters, White_Space, combining marks, astral characters: no control or noncharacter except for a line break. */
  static Arbitrary<Integer> printable() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.of(codePointsOf("abcXYZ019 -_.éÅß"))),
        Tuple.of(3, Arbitraries.of(List.copyOf(new TreeSet<>(TextOracle.WHITE_SPACE)))),
        Tuple.of(3, Arbitraries.integers().between(0x0300, 0x036F)),
        Tuple.of(
            3,
            Arbitraries.of(
                0x65, 0x301, 0x41, 0x30A, 0x212B, 0x0958, 0x1100, 0x1161, 0xAC00, 0x200B)),
        Tuple.of(3, Arbitraries.of(0x1F600, 0x1F44D, 0x1F3FD, 0x200D, 0x1D400, 0x20000)));
  }

  /**
   * Strings of {@code 0..maxCodePoints} code points, their lengths spread evenly: half of them {@link #printable()},
   * half drawn from every kind of {@link #codePoint()}.
   */
  static Arbitrary<String> text(int maxCodePoints) {
    return Arbitraries.oneOf(
        strings(printable(), maxCodePoints), strings(codePoint(), maxCodePoints));
  }

  private static Arbitrary<String> strings(Arbitrary<Integer> alphabet, int maxCodePoints) {
    return alphabet
        .list()
        .ofMinSize(0)
        .ofMaxSize(maxCodePoints)
        .withSizeDistribution(RandomDistribution.uniform())
        .map(TextOracle::string);
  }

  private static List<Integer> codePointsOf(String text) {
    return TextOracle.codePoints(text);
  }
}

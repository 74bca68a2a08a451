package dev.catalog.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictParserTest {
  @ParameterizedTest
  @ValueSource(strings = {"-0", "-0.0", "-0.000", "-0e5", "-0E+3", "-0.0e-7", "-0e0"})
  void negativeZeroInAnyNotationIsNegativeZero(String number) {
    assertTrue(StrictParser.isNegativeZero(number));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "0.0", "0e5", "-1", "-0.1", "-0.0001", "-10", "-1e0", "-0.01", "0e-5"})
  void anyOtherNumberIsNotNegativeZero(String number) {
    assertFalse(StrictParser.isNegativeZero(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "é€", "\uD83D\uDE00", "a\uD83D\uDE00b\uD83C\uDF89"})
  void textWithOnlyPairedSurrogatesHasNoLoneSurrogate(String text) {
    assertFalse(StrictParser.hasLoneSurrogate(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uD800",
        "\uDC00",
        "a\uD800b",
        "\uDE00\uD83D",
        "\uD83D\uDE00\uD800",
        "\uD83D\uD83D\uDE00",
        "\uDBFF"
      })
  void unpairedHighOrLowSurrogateIsFound(String text) {
    assertTrue(StrictParser.hasLoneSurrogate(text));
  }
}

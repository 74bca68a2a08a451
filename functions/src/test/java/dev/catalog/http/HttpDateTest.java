package dev.catalog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDateTest {
  static final Instant NOW = Instant.parse("2026-11-28T18:00:00Z");
  static final Instant RFC_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

  @Test
  void formatsAnIMFFixdateWithoutTheFractionOfASecond() {
    assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(RFC_EXAMPLE.plusMillis(999)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        " Sun, 06 Nov 1994 08:49:37 GMT "
      })
  void readsTheThreeFormsOfRfc9110(String date) {
    assertEquals(RFC_EXAMPLE, HttpDate.parse(date, NOW));
  }

  @Test
  void aTwoDigitYearMoreThanFiftyYearsAheadIsInThePast() {
    assertEquals(
        Instant.parse("2076-01-01T00:00:00Z"),
        HttpDate.parse("Thursday, 01-Jan-76 00:00:00 GMT", NOW));
    assertEquals(
        Instant.parse("1977-01-01T00:00:00Z"),
        HttpDate.parse("Saturday, 01-Jan-77 00:00:00 GMT", NOW));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "0",
        "1732816800",
        "2026-11-28T18:00:00Z",
        "Sun, 6 Nov 1994 08:49:37 GMT",
        "Mon, 06 Nov 1994 08:49:37 GMT",
        "Sun, 31 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 25:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 06 Nov 1994 08:49:37 +0000",
        "Sun, 06 Nov 1994 08:49:37 GMT, x",
        ", 06-Nov-94 08:49:37 GMT"
      })
  void anythingElseIsNotADate(String notADate) {
    assertNull(HttpDate.parse(notADate, NOW));
  }

  @Property(tries = 500, seed = "5607")
  void everyFormattedInstantReadsBackToItsSecond(
      @ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long epochMillis) {
    Instant instant = Instant.ofEpochMilli(epochMillis);
    assertEquals(
        instant.truncatedTo(ChronoUnit.SECONDS), HttpDate.parse(HttpDate.format(instant), NOW));
  }
}

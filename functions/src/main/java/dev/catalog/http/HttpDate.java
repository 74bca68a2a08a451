package dev.catalog.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * HTTP-dates (RFC 9110 section 5.6.7): written as IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), read in that
 * form and in the two obsolete ones a recipient must still accept, rfc850-date and asctime-date. Second precision.
 */
public final class HttpDate {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private HttpDate() {}

  /** Only a request with a date header pays for the parsers. */
  private static final class Parsers {
    static final DateTimeFormatter IMF = strict("EEE, dd MMM uuuu HH:mm:ss 'GMT'");

    /** Without the day name: its two-digit year is resolved later, so the weekday cannot be checked here. */
    static final DateTimeFormatter RFC850 = strict("dd-MMM-uu HH:mm:ss 'GMT'");

    static final DateTimeFormatter ASCTIME = strict("EEE MMM ppd HH:mm:ss uuuu");

    private static DateTimeFormatter strict(String pattern) {
      return DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
    }
  }

  /** {@code instant} as an IMF-fixdate, its fraction of a second dropped. */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The instant an HTTP-date names, or null when {@code value} is not one (such a header is then ignored). */
  public static Instant parse(String value, Instant now) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    try {
      return at(LocalDateTime.parse(text, Parsers.IMF));
    } catch (DateTimeParseException notImf) {
      // try the obsolete forms
    }
    try {
      return at(LocalDateTime.parse(text, Parsers.ASCTIME));
    } catch (DateTimeParseException notAsctime) {
      // try the last one
    }
    int comma = text.indexOf(", ");
    if (comma < 3 || !text.substring(0, comma).chars().allMatch(Character::isLetter)) {
      return null;
    }
    try {
      return rfc850(LocalDateTime.parse(text.substring(comma + 2), Parsers.RFC850), now);
    } catch (DateTimeException invalid) {
      return null;
    }
  }

  private static Instant at(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }

  /**
   * rfc850-date has a two-digit year: one that would be more than 50 years in the future is the most recent past year
   * with those last two digits (section 5.6.7).
   */
  private static Instant rfc850(LocalDateTime parsed, Instant now) {
    int nowYear = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
    int year = nowYear - Math.floorMod(nowYear, 100) + parsed.get(ChronoField.YEAR) % 100;
    if (year > nowYear + 50) {
      year -= 100;
    }
    return at(parsed.withYear(year));
  }
}

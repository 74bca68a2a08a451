package dev.catalog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.kernel.HttpError;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link Preconditions} against RFC 9110 section 13.2.2 written out as an oracle. The oracle never parses a header:
 * each generated header is a choice whose truth it knows by construction ("lists the current tag, weakly", "a date
 * before the last change"), and it walks the RFC's steps in their order.
 */
class PreconditionsPropertiesTest {
  static final String CURRENT = "5.q83vEjRWeJqrze8SNFZ4mg";

  /** A last change with a fraction of a second, as stored. */
  static final Instant LAST_MODIFIED = Instant.parse("2026-11-28T10:15:30.250Z");

  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  enum Method {
    GET,
    HEAD,
    PUT,
    PATCH,
    DELETE
  }

  enum Tags {
    ABSENT(null),
    STAR("*"),
    CURRENT_TAG("\"" + CURRENT + "\""),
    WEAK_CURRENT("W/\"" + CURRENT + "\""),
    LIST_WITH_CURRENT("\"1.x\", \"" + CURRENT + "\""),
    OTHER("\"4.q83vEjRWeJqrze8SNFZ4mg\""),
    SAME_VERSION_OTHER_INCARNATION("\"5.AAAAAAAAAAAAAAAAAAAAAA\""),
    EMPTY_LIST(" , ");

    final String header;

    Tags(String header) {
      this.header = header;
    }

    /** Strong comparison, as If-Match does. */
    boolean matchesStrongly(boolean exists) {
      return exists && (this == STAR || this == CURRENT_TAG || this == LIST_WITH_CURRENT);
    }

    /** Weak comparison, as If-None-Match does. */
    boolean matchesWeakly(boolean exists) {
      return matchesStrongly(exists) || (exists && this == WEAK_CURRENT);
    }
  }

  enum Date {
    ABSENT(null),
    NOT_A_DATE("yesterday"),
    SECOND_BEFORE(HTTP_DATE.format(LAST_MODIFIED.minusSeconds(1))),
    SAME_SECOND(HTTP_DATE.format(LAST_MODIFIED)),
    SECOND_AFTER(HTTP_DATE.format(LAST_MODIFIED.plusSeconds(1)));

    final String header;

    Date(String header) {
      this.header = header;
    }

    boolean valid() {
      return this != ABSENT && this != NOT_A_DATE;
    }

    /** The resource changed after this date (HTTP-dates have whole seconds). */
    boolean modifiedSince() {
      return this == SECOND_BEFORE;
    }
  }

  /** 200/204 stands for "perform the method"; the oracle only knows PROCEED, 304 and 412. */
  static String oracle(
      Method method,
      boolean exists,
      Tags ifMatch,
      Date ifUnmodifiedSince,
      Tags ifNoneMatch,
      Date ifModifiedSince) {
    boolean safe = method == Method.GET || method == Method.HEAD;
    // Step 1: If-Match present: false -> 412.
    if (ifMatch != Tags.ABSENT) {
      if (!ifMatch.matchesStrongly(exists)) {
        return "412";
      }
    } else if (ifUnmodifiedSince.valid() && exists) {
      // Step 2: If-Unmodified-Since, only without If-Match, ignored when invalid or without a
      // modification date.
      if (ifUnmodifiedSince.modifiedSince()) {
        return "412";
      }
    }
    // Step 3: If-None-Match present: false -> 304 for GET/HEAD, else 412.
    if (ifNoneMatch != Tags.ABSENT) {
      if (ifNoneMatch.matchesWeakly(exists)) {
        return safe ? "304" : "412";
      }
    } else if (safe && ifModifiedSince.valid() && exists) {
      // Step 4: If-Modified-Since, only for GET/HEAD without If-None-Match.
      if (!ifModifiedSince.modifiedSince()) {
        return "304";
      }
    }
    return "PROCEED";
  }

  static String evaluate(
      Method method,
      boolean exists,
      Tags ifMatch,
      Date ifUnmodifiedSince,
      Tags ifNoneMatch,
      Date ifModifiedSince) {
    Preconditions preconditions =
        Preconditions.of(
            method.name(),
            ifMatch.header,
            ifNoneMatch.header,
            ifUnmodifiedSince.header,
            ifModifiedSince.header,
            LAST_MODIFIED);
    try {
      var result =
          preconditions.evaluate(exists ? new Preconditions.State(CURRENT, LAST_MODIFIED) : null);
      return result == Preconditions.Result.NOT_MODIFIED ? "304" : "PROCEED";
    } catch (HttpError error) {
      return Integer.toString(error.status());
    }
  }

  @Property(tries = 3000, seed = "13022")
  void everyCombinationIsDecidedAsTheRfcOrdersIt(
      @ForAll Method method,
      @ForAll boolean exists,
      @ForAll Tags ifMatch,
      @ForAll Date ifUnmodifiedSince,
      @ForAll Tags ifNoneMatch,
      @ForAll Date ifModifiedSince) {
    assertEquals(
        oracle(method, exists, ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince),
        evaluate(method, exists, ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince));
  }
}

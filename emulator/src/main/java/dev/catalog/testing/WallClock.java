package dev.catalog.testing;

import java.time.Instant;

/** The wall clock, for tests of times that a stream rounding to the minute would get wrong. */
public final class WallClock {
  private WallClock() {}

  /**
   * Waits, if need be, until the time is {@code from} to {@code to} seconds past a whole minute (UTC): then a time
   * taken now and rounded down to the minute is {@code from} seconds early or more, and the next {@code 59 - to}
   * seconds are still in this minute. At most a minute.
   */
  public static void awaitSecondOfMinute(int from, int to) throws InterruptedException {
    if (from < 0 || to > 59 || from > to) {
      throw new IllegalArgumentException("seconds " + from + " to " + to);
    }
    while (true) {
      Instant now = Instant.now();
      long second = now.getEpochSecond() % 60;
      if (second >= from && second <= to) {
        return;
      }
      long seconds = second < from ? from - second : 60 - second + from;
      Thread.sleep(Math.max(1, seconds * 1000 - now.getNano() / 1_000_000));
    }
  }
}

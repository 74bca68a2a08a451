package dev.catalog.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).toArray();

  @Test
  void nearestRankOfOneToHundredIsThePercentItself() {
    assertEquals(50, Percentiles.nearestRank(ONE_TO_HUNDRED, 50));
    assertEquals(90, Percentiles.nearestRank(ONE_TO_HUNDRED, 90));
    assertEquals(99, Percentiles.nearestRank(ONE_TO_HUNDRED, 99));
    assertEquals(100, Percentiles.nearestRank(ONE_TO_HUNDRED, 100));
  }

  @Test
  void nearestRankReportsAMeasuredValueNeverAnInterpolation() {
    long[] sorted = {10, 20, 30, 40};
    assertEquals(20, Percentiles.nearestRank(sorted, 50));
    assertEquals(40, Percentiles.nearestRank(sorted, 90));
    assertEquals(10, Percentiles.nearestRank(sorted, 1));
  }

  @Test
  void p99OfFewerThanHundredValuesIsTheMaximum() {
    assertEquals(7, Percentiles.nearestRank(new long[] {1, 2, 3, 4, 5, 6, 7}, 99));
  }

  @Test
  void ofNanosSortsAndConvertsToMilliseconds() {
    var percentiles = Percentiles.ofNanos(new long[] {3_000_000, 1_000_000, 2_000_000});
    assertEquals(3, percentiles.count());
    assertEquals(2.0, percentiles.p50Ms());
    assertEquals(3.0, percentiles.p99Ms());
    assertEquals(3.0, percentiles.maxMs());
  }

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertEquals(3.0, Percentiles.median(new double[] {5, 1, 3, 9, 2}));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, Percentiles.median(new double[] {4, 1, 3, 2}));
  }

  @Test
  void percentilesOfNothingAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Percentiles.ofNanos(new long[0]));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(ONE_TO_HUNDRED, 0));
  }
}

package dev.catalog.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of durations by the nearest-rank method: the reported value is always one that was measured,
 * never an interpolation between two.
 *
 * @param count how many durations were measured
 */
record Percentiles(int count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

  static Percentiles ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no durations");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length,
        millis(nearestRank(sorted, 50)),
        millis(nearestRank(sorted, 90)),
        millis(nearestRank(sorted, 99)),
        millis(sorted[sorted.length - 1]));
  }

  /** The smallest value such that at least {@code percent}% of the values are less than or equal to it. */
  static long nearestRank(long[] sorted, double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** The middle value, or the mean of the two middle values of an even count. */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}

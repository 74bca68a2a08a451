package dev.catalog.kernel.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts one request adds to its function's metrics (products created, write retries...), named as they appear
 * in CloudWatch. Published once, with the request's line ({@link RequestLine}); one request runs on one thread, so no
 * synchronization.
 */
public final class RequestMetrics {
  /** The problem type of a 400 that lists failing fields. */
  public static final String VALIDATION_FAILURES = "ValidationFailures";

  /** 412 answers: a client's precondition was false, or its write lost a race. */
  public static final String PRECONDITION_FAILURES = "PreconditionFailures";

  private final Map<String, Integer> counts = new LinkedHashMap<>();

  /** Adds one to the metric {@code name} (letters and digits, as CloudWatch names are written). */
  public void count(String name) {
    counts.merge(name, 1, Integer::sum);
  }

  /** Adds {@code n} to the metric {@code name}; a metric counted 0 times is published as 0. */
  public void count(String name, int n) {
    counts.merge(name, n, Integer::sum);
  }

  /** The metrics counted so far, in the order first counted. */
  public Map<String, Integer> counts() {
    return counts;
  }
}

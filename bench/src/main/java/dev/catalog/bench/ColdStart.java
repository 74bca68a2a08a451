package dev.catalog.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * What one cold start of a function measured.
 *
 * @param initMs          process start to the runtime's first {@code next}: Lambda's "Init Duration"
 * @param firstInvokeMs   the first event handed over to its answer received
 * @param coldTotalMs     process start to the first answer received: what the first caller waits for
 * @param rssAfterFirstKib peak resident set size after the first invocation ({@code VmHWM})
 * @param peakRssKib      peak resident set size after the last warm invocation ({@code VmHWM})
 * @param warmNanos       the duration of every warm invocation, in order
 * @param outcomes        how many invocations ended with each HTTP status code (or {@code error:<type>})
 */
record ColdStart(
    double initMs,
    double firstInvokeMs,
    double coldTotalMs,
    long rssAfterFirstKib,
    long peakRssKib,
    @JsonIgnore long[] warmNanos,
    Map<String, Integer> outcomes) {}

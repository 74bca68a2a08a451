package dev.catalog.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A function's figures over its cold starts: the median of each cold figure, and percentiles over all the warm
 * invocations of all its cold starts. The figures are null when not one cold start completed.
 *
 * @param role                    {@code floor} (no-op handler), {@code reference} (bare GetItem) or {@code function}
 * @param coldRatioToFloor        median cold total over the floor's
 * @param warmP50RatioToReference warm p50 over the bare GetItem reference's
 * @param failure                 why the cold starts stopped early, or null
 */
record FunctionResult(
    String name,
    String role,
    String handler,
    int memoryMb,
    String event,
    int coldStartCount,
    Double initMs,
    Double firstInvokeMs,
    Double coldTotalMs,
    Double peakRssMib,
    Percentiles warm,
    Double coldRatioToFloor,
    Double warmP50RatioToReference,
    Map<String, Integer> outcomes,
    List<ColdStart> coldStarts,
    String failure) {

  static FunctionResult of(
      BenchFunction function, String role, String event, List<ColdStart> colds, String failure) {
    Map<String, Integer> outcomes = new TreeMap<>();
    colds.forEach(
        cold -> cold.outcomes().forEach((status, n) -> outcomes.merge(status, n, Integer::sum)));
    long[] warm = colds.stream().flatMapToLong(cold -> Arrays.stream(cold.warmNanos())).toArray();
    return new FunctionResult(
        function.name(),
        role,
        function.handler(),
        function.memoryMb(),
        event,
        colds.size(),
        median(colds, ColdStart::initMs),
        median(colds, ColdStart::firstInvokeMs),
        median(colds, ColdStart::coldTotalMs),
        median(colds, cold -> cold.peakRssKib() / 1024.0),
        warm.length == 0 ? null : Percentiles.ofNanos(warm),
        null,
        null,
        outcomes,
        colds,
        failure);
  }

  private static Double median(List<ColdStart> colds, ToDoubleFunction<ColdStart> figure) {
    return colds.isEmpty()
        ? null
        : Percentiles.median(colds.stream().mapToDouble(figure).toArray());
  }

  /** This result with its ratios to the floor's cold total and the reference's warm p50. */
  FunctionResult comparedTo(FunctionResult floor, FunctionResult reference) {
    Double coldRatio = ratio(coldTotalMs, floor == null ? null : floor.coldTotalMs);
    Double warmRatio =
        ratio(
            warm == null ? null : warm.p50Ms(),
            reference == null || reference.warm == null ? null : reference.warm.p50Ms());
    return new FunctionResult(
        name,
        role,
        handler,
        memoryMb,
        event,
        coldStartCount,
        initMs,
        firstInvokeMs,
        coldTotalMs,
        peakRssMib,
        warm,
        coldRatio,
        warmRatio,
        outcomes,
        coldStarts,
        failure);
  }

  private static Double ratio(Double value, Double base) {
    return value == null || base == null || base == 0 ? null : value / base;
  }
}

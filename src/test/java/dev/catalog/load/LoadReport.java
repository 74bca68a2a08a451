package dev.catalog.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of a load run, over every client's requests. */
record LoadReport(long requests, double seconds, long p50Micros, long p99Micros, long maxMicros,
    Map<Integer, Long> statuses, long unexpected) {

  static LoadReport of(List<LoadClient> clients, double seconds) {
    long[] latencies = clients.stream().flatMap(client -> client.latenciesMicros.stream())
        .mapToLong(Long::longValue).sorted().toArray();
    Map<Integer, Long> statuses = new TreeMap<>();
    clients.forEach(client -> client.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum)));
    long unexpected = clients.stream().mapToLong(client -> client.unexpected.size()).sum();
    clients.stream().flatMap(client -> client.unexpected.stream()).limit(5).forEach(System.out::println);
    return new LoadReport(latencies.length, seconds, at(latencies, 0.50), at(latencies, 0.99),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1], statuses, unexpected);
  }

  private static long at(long[] sorted, double quantile) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
  }

  long serverErrors() {
    return statuses.entrySet().stream().filter(entry -> entry.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
  }

  String summary() {
    return String.format("%,d requests in %.1f s: %.0f requests/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
        + " statuses %s; %d unexpected answers", requests, seconds, requests / seconds, p50Micros / 1000.0,
        p99Micros / 1000.0, maxMicros / 1000.0, statuses, unexpected);
  }
}

package dev.catalog.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of a load run, over every client's requests, in all and by kind of request. */
record LoadReport(Figures all, Map<String, Figures> byKind, double seconds, long unexpected) {

  /** Count, latencies and statuses of some requests. */
  record Figures(
      long requests, long p50Micros, long p99Micros, long maxMicros, Map<Integer, Long> statuses) {
    static Figures of(List<Long> latencies, Map<Integer, Long> statuses) {
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Figures(
          sorted.length,
          at(sorted, 0.50),
          at(sorted, 0.99),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1],
          statuses);
    }

    long count(int status) {
      return statuses.getOrDefault(status, 0L);
    }

    long serverErrors() {
      return statuses.entrySet().stream()
          .filter(entry -> entry.getKey() >= 500)
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  static LoadReport of(List<? extends Client> clients, double seconds) {
    Map<String, List<Long>> latencies = new TreeMap<>();
    Map<String, Map<Integer, Long>> statuses = new TreeMap<>();
    List<Long> allLatencies = new ArrayList<>();
    Map<Integer, Long> allStatuses = new TreeMap<>();
    for (Client client : clients) {
      client.latenciesMicros.forEach(
          (kind, list) -> {
            latencies.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list);
            allLatencies.addAll(list);
          });
      client.statuses.forEach(
          (kind, counts) ->
              counts.forEach(
                  (status, count) -> {
                    statuses
                        .computeIfAbsent(kind, k -> new TreeMap<>())
                        .merge(status, count, Long::sum);
                    allStatuses.merge(status, count, Long::sum);
                  }));
    }
    Map<String, Figures> byKind = new TreeMap<>();
    latencies.forEach((kind, list) -> byKind.put(kind, Figures.of(list, statuses.get(kind))));
    long unexpected = clients.stream().mapToLong(client -> client.unexpected.size()).sum();
    clients.stream()
        .flatMap(client -> client.unexpected.stream())
        .limit(5)
        .forEach(System.out::println);
    return new LoadReport(Figures.of(allLatencies, allStatuses), byKind, seconds, unexpected);
  }

  private static long at(long[] sorted, double quantile) {
    return sorted.length == 0
        ? 0
        : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
  }

  long serverErrors() {
    return all.serverErrors();
  }

  String summary() {
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%,d requests in %.1f s: %.0f requests/s; latency p50 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms; statuses %s; %d unexpected answers%n",
                all.requests,
                seconds,
                all.requests / seconds,
                all.p50Micros / 1000.0,
                all.p99Micros / 1000.0,
                all.maxMicros / 1000.0,
                all.statuses,
                unexpected));
    text.append("| request | count | p50 ms | p99 ms | max ms | 409 | 5xx | statuses |\n");
    text.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    byKind.forEach(
        (kind, figures) ->
            text.append(
                String.format(
                    "| %s | %,d | %.1f | %.1f | %.1f | %d | %d | %s |%n",
                    kind,
                    figures.requests,
                    figures.p50Micros / 1000.0,
                    figures.p99Micros / 1000.0,
                    figures.maxMicros / 1000.0,
                    figures.count(409),
                    figures.serverErrors(),
                    figures.statuses)));
    return text.toString().stripTrailing();
  }
}

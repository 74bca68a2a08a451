package dev.catalog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark run as written to {@code results.json} and printed as a Markdown table.
 *
 * @param dynamoDbLocalGetItem {@code GetItem} latency from the harness to DynamoDB Local, warm: its share of every
 *                             function's warm latency
 * @param skipped              functions of the template that were not run, each with the reason
 */
record BenchReport(
    String date,
    Map<String, Object> machine,
    Map<String, Object> settings,
    Map<String, Object> artifact,
    Percentiles dynamoDbLocalGetItem,
    List<FunctionResult> functions,
    List<String> skipped) {

  void writeJson(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
  }

  /** The machine the figures belong to: they mean nothing without it. */
  static Map<String, Object> describeMachine(String loadAtStart) throws IOException {
    Map<String, Object> machine = new LinkedHashMap<>();
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(line -> line.startsWith("model name"))
            .map(line -> line.substring(line.indexOf(':') + 1).strip())
            .findFirst()
            .orElse("unknown");
    machine.put("cpu", cpu);
    machine.put(
        "cores",
        Runtime.getRuntime().availableProcessors()
            + " available to the harness; "
            + Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("processor"))
                .count()
            + " online");
    String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    machine.put("memory", memTotal);
    machine.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    machine.put(
        "java",
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    machine.put("loadAverageAtStart", loadAtStart);
    machine.put("loadAverageAtEnd", loadAverage());
    return machine;
  }

  /**
   * The 1, 5 and 15 minute load averages: the benchmark itself keeps about one and a half cores busy, so more means
   * other work shared the CPUs and the figures are noisier.
   */
  static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  /** The figures as a Markdown table, with the GET /products/{id} to bare GetItem comparison under it. */
  String table() {
    var out = new StringBuilder();
    out.append(
        "| function | init ms | first invoke ms | cold total ms | × floor | warm p50 ms | warm p90 ms"
            + " | warm p99 ms | warm n | peak RSS MiB | outcomes |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (FunctionResult f : functions) {
      String label = f.role().equals("function") ? f.name() : f.name() + " (" + f.role() + ")";
      out.append("| ")
          .append(label)
          .append(" | ")
          .append(number(f.initMs(), 1))
          .append(" | ")
          .append(number(f.firstInvokeMs(), 1))
          .append(" | ")
          .append(number(f.coldTotalMs(), 1))
          .append(" | ")
          .append(number(f.coldRatioToFloor(), 2))
          .append(" | ")
          .append(f.warm() == null ? "–" : number(f.warm().p50Ms(), 2))
          .append(" | ")
          .append(f.warm() == null ? "–" : number(f.warm().p90Ms(), 2))
          .append(" | ")
          .append(f.warm() == null ? "–" : number(f.warm().p99Ms(), 2))
          .append(" | ")
          .append(f.warm() == null ? "0" : Integer.toString(f.warm().count()))
          .append(" | ")
          .append(number(f.peakRssMib(), 0))
          .append(" | ")
          .append(f.failure() == null ? f.outcomes() : "FAILED: " + f.failure())
          .append(" |\n");
    }
    functions.stream()
        .filter(f -> f.name().equals("GetProductFunction") && f.warm() != null)
        .findFirst()
        .ifPresent(
            get ->
                functions.stream()
                    .filter(f -> f.role().equals("reference") && f.warm() != null)
                    .findFirst()
                    .ifPresent(
                        reference ->
                            out.append(
                                String.format(
                                    Locale.ROOT,
                                    "%nGET /products/{id} warm p50 %.2f ms against bare GetItem %.2f ms: %+.2f ms, ×%.2f%n",
                                    get.warm().p50Ms(),
                                    reference.warm().p50Ms(),
                                    get.warm().p50Ms() - reference.warm().p50Ms(),
                                    get.warmP50RatioToReference()))));
    out.append(
        String.format(
            Locale.ROOT,
            "%nLoad average (1, 5, 15 min) at start %s, at end %s%n",
            machine.get("loadAverageAtStart"),
            machine.get("loadAverageAtEnd")));
    out.append(
        String.format(
            Locale.ROOT,
            "DynamoDB Local GetItem straight from the harness (no Lambda): p50 %.2f ms,"
                + " p99 %.2f ms%n",
            dynamoDbLocalGetItem.p50Ms(),
            dynamoDbLocalGetItem.p99Ms()));
    for (FunctionResult f : functions) {
      int errors =
          f.outcomes().entrySet().stream()
              .filter(e -> e.getKey().startsWith("error:"))
              .mapToInt(Map.Entry::getValue)
              .sum();
      if (errors > 0) {
        out.append(
            String.format(
                Locale.ROOT,
                "%nWARNING: %s: %d invocations failed in the runtime (%s);"
                    + " its figures time a failure. See its logs in target/bench/logs.%n",
                f.name(),
                errors,
                f.outcomes()));
      }
    }
    skipped.forEach(reason -> out.append("\nNot run: ").append(reason));
    return out.toString();
  }

  private static String number(Double value, int decimals) {
    return value == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}

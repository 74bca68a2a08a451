package dev.catalog.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's knobs, from system properties (the {@code bench} profile passes Maven's {@code -Dbench.*} on).
 *
 * @param colds     cold starts per function (fresh JVM each)
 * @param warm      warm invocations after each cold start
 * @param products  products written to the table before measuring
 * @param functions logical ids to run; empty runs every function (the floor and the reference always run)
 * @param javaHome  the JDK the functions run on: the harness's own unless {@code bench.javaHome} names another
 * @param runtimeClasspath the functions' runtime dependencies, listed by their build ({@code lambda-classpath.txt})
 */
record BenchSettings(
    int colds,
    int warm,
    int products,
    Set<String> functions,
    Duration invocationTimeout,
    int functionCpu,
    int harnessCpu,
    Path workDir,
    Path buildZip,
    Path classes,
    Path testClasses,
    Path template,
    Path eventsDir,
    Path sqliteNatives,
    Path javaHome,
    Path runtimeClasspath) {

  static BenchSettings fromSystemProperties() {
    Path functions = Path.of("functions", "target");
    Path target = Path.of("bench", "target");
    return new BenchSettings(
        positive("bench.colds", 5),
        positive("bench.warm", 1000),
        positive("bench.products", 10_000),
        Arrays.stream(System.getProperty("bench.functions", "").split(","))
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new)),
        Duration.ofSeconds(positive("bench.timeoutSeconds", 60)),
        Integer.getInteger("bench.functionCpu", 1),
        Integer.getInteger("bench.harnessCpu", 0),
        path("bench.dir", target.resolve("bench")),
        path("bench.zip", functions.resolve("functions-lambda.zip")),
        path("bench.classes", functions.resolve("classes")),
        path("bench.testClasses", target.resolve("classes")),
        path("bench.template", Path.of("template.yaml")),
        path("bench.events", Path.of("events")),
        path("sqlite4java.library.path", target.resolve("native-libs")),
        path("bench.javaHome", Path.of(System.getProperty("java.home"))),
        path("bench.runtimeClasspath", functions.resolve("lambda-classpath.txt")));
  }

  boolean selected(String functionName) {
    return functions.isEmpty() || functions.contains(functionName);
  }

  Map<String, Object> describe() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("coldStartsPerFunction", colds);
    settings.put("warmInvocationsPerColdStart", warm);
    settings.put("products", products);
    settings.put("functions", functions.isEmpty() ? "all" : String.join(",", functions));
    settings.put("functionCpu", functionCpu);
    settings.put("harnessAndDynamoDbLocalCpu", harnessCpu);
    return settings;
  }

  private static int positive(String name, int defaultValue) {
    String value = System.getProperty(name, "").strip();
    int parsed = value.isEmpty() ? defaultValue : Integer.parseInt(value);
    if (parsed < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
    return parsed;
  }

  private static Path path(String name, Path defaultValue) {
    String value = System.getProperty(name, "").strip();
    return (value.isEmpty() ? defaultValue : Path.of(value)).toAbsolutePath();
  }
}

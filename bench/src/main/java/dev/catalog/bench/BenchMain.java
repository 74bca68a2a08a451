package dev.catalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./mvnw -Pbench}: cold-start and warm timings of every function of the template, each started the way the
 * managed Java runtime starts it, against DynamoDB Local in its own process (and the local SNS endpoint, in the
 * harness's, for the functions that publish); a no-op handler gives the floor and a
 * bare {@code GetItem} the reference. Writes {@code target/bench/results.json} and {@code results.svg}. A benchmark,
 * not a test: nothing asserts a timing. See docs/performance.md.
 */
public final class BenchMain {

  private record Subject(String role, BenchFunction function, Path taskRoot, BenchEvents events) {}

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean baselinesRan = new BenchMain().run(BenchSettings.fromSystemProperties());
    // Exits explicitly: SDK and HTTP server threads must not keep the harness alive; the hook kills
    // children.
    System.exit(baselinesRan ? 0 : 1);
  }

  /** Runs everything; false when the floor or the reference failed, which means the harness itself is broken. */
  boolean run(BenchSettings settings) throws IOException, InterruptedException {
    String loadAtStart = BenchReport.loadAverage();
    Path work = settings.workDir();
    Path logs = work.resolve("logs");
    DeploymentArtifact.deleteRecursively(logs);
    var artifact =
        DeploymentArtifact.prepare(
            settings.buildZip(), settings.classes(), settings.runtimeClasspath(), work);
    System.out.printf(
        "Deployment artifact: %s, %,d bytes (%.1f MiB)%n",
        artifact.zip(), artifact.zipBytes(), artifact.zipBytes() / 1048576.0);
    var runtime = ManagedRuntime.in(work.resolve("runtime"), settings.javaHome());
    System.out.println("Functions run on " + runtime.javaDescription());
    var catalog = new TemplateCatalog(settings.template());
    // The floor and the reference take event objects, which the runtime's serializer reads with
    // joda-time loaded
    // from the function's own jars: they ship it, as any such function must; the stream-handler
    // functions do not.
    Path benchRoot =
        artifact.withClasses(
            settings.testClasses(),
            List.of(NoopHandler.class, BareGetItemHandler.class, BareSnsPublishHandler.class),
            List.of(jarOf(org.joda.time.DateTime.class)),
            work.resolve("task-bench"));
    // The feed authorizer on nimbus-jose-jwt and on jose4j, with their jars, for the comparison of
    // JWT libraries.
    Path variantsRoot =
        artifact.withClasses(
            settings.testClasses(),
            BenchIssuer.variantClasses(),
            List.of(
                jarOf(com.nimbusds.jose.JWSObject.class),
                jarOf(org.jose4j.jwt.JwtClaims.class),
                jarOf(org.slf4j.Logger.class)),
            work.resolve("task-variants"));

    List<String> skipped = new ArrayList<>();
    List<FunctionResult> results = new ArrayList<>();
    Percentiles dynamoDbGetItem;
    try (var issuer = new BenchIssuer();
        var dynamoDbLocal =
            DynamoDbLocalServer.start(
                System.getProperty("java.class.path"),
                settings.sqliteNatives(),
                settings.harnessCpu(),
                logs.resolve("dynamodb-local.log"));
        // The harness's own client, without the functions' 1 s attempt timeout: a fresh DynamoDB
        // Local can take
        // longer than that to create a table, and a retried CreateTable then fails as
        // "preexisting".
        var dynamoDb =
            DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(dynamoDbLocal.endpoint())
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        var sns = catalog.startSns()) {
      var local =
          Map.of(
              "DYNAMODB_ENDPOINT",
              dynamoDbLocal.endpoint().toString(),
              "SNS_ENDPOINT",
              sns.url().toString());
      List<Subject> subjects =
          subjects(settings, catalog, artifact, benchRoot, local, skipped, issuer, variantsRoot);
      var seeder = new ProductSeeder(dynamoDb, catalog.productsTable());
      seeder.createTables(catalog.tables());
      long seeding = System.nanoTime();
      List<String> ids =
          seeder.seed(
              settings.products(),
              subjects.stream()
                  .map(s -> s.events().productId())
                  .filter(Objects::nonNull)
                  .distinct()
                  .toList());
      System.out.printf(
          "Wrote %,d products in %.1f s; warming DynamoDB Local up%n",
          ids.size(), (System.nanoTime() - seeding) / 1e9);
      dynamoDbGetItem = seeder.warmUp(ids);
      System.out.printf(
          "DynamoDB Local GetItem from the harness, warm: p50 %.2f ms, p99 %.2f ms%n",
          dynamoDbGetItem.p50Ms(), dynamoDbGetItem.p99Ms());
      var runner =
          new ColdStartRunner(runtime, settings.functionCpu(), settings.invocationTimeout(), logs);
      Subject floor = subjects.get(0);
      // The run's first JVM start reads the JDK and the jars from disk; no measured start should
      // pay for that.
      runner.run(floor.function(), floor.taskRoot(), floor.events().rotated(ids, 0, 11), 0);
      settle();
      for (Subject subject : subjects) {
        results.add(measure(runner, subject, ids, settings));
        seeder.restore(ids, settings.colds() * (settings.warm() + 1));
        settle();
      }
    }
    // Shown floor and reference first, whatever order they ran in.
    results.sort(
        Comparator.comparing(
            result -> !result.role().equals("floor") && !result.role().equals("reference")));
    FunctionResult floor = find(results, "floor");
    FunctionResult reference = find(results, "reference");
    results.replaceAll(result -> result.comparedTo(floor, reference));
    var report =
        new BenchReport(
            OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
            BenchReport.describeMachine(loadAtStart),
            describe(settings, runtime, subjects(results)),
            artifactFacts(artifact),
            dynamoDbGetItem,
            results,
            skipped);
    report.writeJson(work.resolve("results.json"));
    Files.writeString(
        work.resolve("results.svg"),
        SvgChart.draw(
            results,
            "%s, %s; %d cold starts × %d warm invocations"
                .formatted(
                    report.date(),
                    report.machine().get("cpu"),
                    settings.colds(),
                    settings.warm())));
    System.out.println();
    System.out.println(report.table());
    System.out.println(
        "\nWrote " + work.resolve("results.json") + " and " + work.resolve("results.svg"));
    return floor.failure() == null && reference.failure() == null;
  }

  private static List<Subject> subjects(
      BenchSettings settings,
      TemplateCatalog catalog,
      DeploymentArtifact artifact,
      Path benchRoot,
      Map<String, String> local,
      List<String> skipped,
      BenchIssuer issuer,
      Path variantsRoot)
      throws IOException {
    List<BenchFunction> functions = catalog.functions();
    // The floor and the reference run with GET /products/{id}'s memory, environment and event.
    BenchFunction get =
        functions.stream()
            .filter(f -> f.name().equals("GetProductFunction"))
            .findFirst()
            .orElse(functions.get(0));
    BenchEvents getEvents = BenchEvents.of(settings.eventsDir(), "GetProductFunction");
    List<Subject> subjects = new ArrayList<>();
    subjects.add(
        new Subject(
            "floor",
            new BenchFunction(
                    "NoopFloor",
                    NoopHandler.class.getName() + "::handleRequest",
                    get.environment(),
                    get.memoryMb(),
                    get.timeoutSeconds())
                .withEnvironment(local),
            benchRoot,
            getEvents));
    var reference =
        new Subject(
            "reference",
            new BenchFunction(
                    "BareGetItemReference",
                    BareGetItemHandler.class.getName() + "::handleRequest",
                    get.environment(),
                    get.memoryMb(),
                    get.timeoutSeconds())
                .withEnvironment(local),
            benchRoot,
            getEvents);
    settings.functions().stream()
        .filter(name -> functions.stream().noneMatch(function -> function.name().equals(name)))
        .forEach(name -> skipped.add(name + ": no such function in the template"));
    for (BenchFunction function : functions) {
      if (!settings.selected(function.name())) {
        continue;
      }
      if (!artifact.containsClass(function.handlerClass())) {
        skipped.add(
            function.name()
                + ": its handler "
                + function.handlerClass()
                + " is not in the artifact");
        continue;
      }
      if (function == get) {
        // Right before GET /products/{id}, so that the two meet DynamoDB Local in the same state.
        subjects.add(reference);
      }
      BenchFunction localFunction = function.withEnvironment(local);
      if (function.environment().containsKey("SNS_ENDPOINT")) {
        // The local SNS endpoint knows a caller by its access key id, the function's logical id.
        localFunction = localFunction.withEnvironment(Map.of("AWS_ACCESS_KEY_ID", function.name()));
      }
      if (function.name().equals("ProductEventsFunction")) {
        // Right before the function: the SNS module alone, on the GetItem reference's runtime path.
        subjects.add(
            new Subject(
                "function",
                new BenchFunction(
                    "BareSnsPublishReference",
                    BareSnsPublishHandler.class.getName() + "::handleRequest",
                    localFunction.environment(),
                    get.memoryMb(),
                    get.timeoutSeconds()),
                benchRoot,
                getEvents));
      }
      BenchFunction measured = issuer.trusting(localFunction);
      BenchEvents events =
          issuer.carryingToken(BenchEvents.of(settings.eventsDir(), function.name()));
      subjects.add(new Subject("function", measured, artifact.taskRoot(), events));
      if (function.name().equals(BenchIssuer.AUTHORIZER)) {
        for (var variant : BenchIssuer.variants().entrySet()) {
          subjects.add(
              new Subject(
                  "variant",
                  new BenchFunction(
                      variant.getKey(),
                      variant.getValue().getName() + "::handleRequest",
                      measured.environment(),
                      measured.memoryMb(),
                      measured.timeoutSeconds()),
                  variantsRoot,
                  events));
        }
      }
    }
    if (!subjects.contains(reference)) {
      subjects.add(1, reference);
    }
    return subjects;
  }

  private static FunctionResult measure(
      ColdStartRunner runner, Subject subject, List<String> ids, BenchSettings settings)
      throws IOException {
    BenchFunction function = subject.function();
    List<ColdStart> colds = new ArrayList<>();
    String failure = null;
    for (int attempt = 1; attempt <= settings.colds() && failure == null; attempt++) {
      List<byte[]> events =
          subject.events().rotated(ids, (attempt - 1) * (settings.warm() + 1), settings.warm() + 1);
      try {
        ColdStart cold = runner.run(function, subject.taskRoot(), events, attempt);
        colds.add(cold);
        System.out.printf(
            "%-24s cold start %d/%d: init %6.1f ms, first invoke %6.1f ms, cold total %6.1f ms,"
                + " warm p50 %.2f ms, peak RSS %d MiB, %s%n",
            function.name(),
            attempt,
            settings.colds(),
            cold.initMs(),
            cold.firstInvokeMs(),
            cold.coldTotalMs(),
            Percentiles.ofNanos(cold.warmNanos()).p50Ms(),
            cold.peakRssKib() / 1024,
            cold.outcomes());
      } catch (IOException e) {
        failure = e.getMessage();
        System.out.printf(
            "%-24s cold start %d/%d FAILED: %s%n",
            function.name(), attempt, settings.colds(), failure);
      }
    }
    return FunctionResult.of(function, subject.role(), subject.events().origin(), colds, failure);
  }

  /** Lets DynamoDB Local finish with the harness's writes (its GC, its JIT) before the next JVM starts. */
  private static void settle() throws InterruptedException {
    Thread.sleep(1_000);
  }

  private static FunctionResult find(List<FunctionResult> results, String role) {
    return results.stream().filter(r -> r.role().equals(role)).findFirst().orElseThrow();
  }

  private static List<String> subjects(List<FunctionResult> results) {
    return results.stream().map(FunctionResult::name).toList();
  }

  private static Map<String, Object> describe(
      BenchSettings settings, ManagedRuntime runtime, List<String> names) throws IOException {
    Map<String, Object> described = new LinkedHashMap<>(settings.describe());
    described.put("ran", names);
    described.put("functionJava", runtime.javaDescription());
    described.put(
        "functionCommand",
        String.join(
            " ",
            runtime.command(
                new BenchFunction("<function>", "<handler>", Map.of(), 1024, 10),
                settings.functionCpu())));
    return described;
  }

  private static Map<String, Object> artifactFacts(DeploymentArtifact artifact) throws IOException {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("zip", artifact.zip().toString());
    facts.put("bytes", artifact.zipBytes());
    return facts;
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.catalog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.LocalOptions;
import dev.catalog.local.LocalServices;
import dev.catalog.local.dashboard.FeedClient;
import dev.catalog.testing.LocalTokens;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./mvnw -Pbench-feed}: the live feed on the local system of {@code ./mvnw -Plocal}, started in this process:
 * the warm fan-out function delivering one change to 1,000 connections subscribed through the local WebSocket API,
 * posting through the local management endpoint; and the end-to-end latency of the feed, from the start of a REST
 * write to its event's arrival at a WebSocket client (REST API → DynamoDB Local → its stream, polled as Lambda's event
 * source mapping does → the fan-out function → {@code @connections} → the client). Writes {@code target/bench/feed.json}. A benchmark, not a test: nothing asserts a timing (docs/performance.md, "The live
 * feed, locally").
 */
public final class FeedBench {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LocalServices services;
  private final String feedToken;

  private FeedBench(LocalServices services) throws Exception {
    this.services = services;
    this.feedToken = token("groups=");
  }

  public static void main(String[] args) throws Exception {
    int connections = Integer.getInteger("bench.feed.connections", 1000);
    int fanOuts = Integer.getInteger("bench.feed.fanOuts", 10);
    Path out = Path.of(System.getProperty("bench.dir", "target/bench")).resolve("feed.json");
    Properties properties = new Properties();
    properties.setProperty("port", "0");
    properties.setProperty("local.wsPort", "0");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ObjectNode report = JSON.createObjectNode();
    report.put("load average at start", BenchReport.loadAverage());
    try (LocalServices services =
        LocalServices.start(LocalOptions.from(properties, Map.of()), quiet)) {
      FeedBench bench = new FeedBench(services);
      report.set("fanOut", bench.fanOut(connections, fanOuts));
      report.set("endToEnd", bench.endToEnd(Integer.getInteger("bench.feed.writes", 200)));
    }
    report.put("load average at end", BenchReport.loadAverage());
    Files.createDirectories(out.getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.out.println("Written to " + out);
    System.exit(0);
  }

  /**
   * The fan-out function invoked directly, warm, with one change of a category that many connections subscribe to:
   * the invocation's duration (it returns once every post is answered) and the time until the last client has the
   * message.
   */
  ObjectNode fanOut(int connections, int runs) throws Exception {
    String category = "bench-fanout-" + UUID.randomUUID().toString().substring(0, 8);
    List<FeedClient> clients = connectAll(connections, category);
    try {
      JsonNode template = JSON.readTree(Path.of("events", "FeedFanOutFunction.json").toFile());
      int warmUp = 3;
      long[] invocations = new long[runs];
      long[] delivered = new long[runs];
      for (int run = 0; run < warmUp + runs; run++) {
        String eventId = UUID.randomUUID().toString().replace("-", "");
        byte[] event = event(template, eventId, category);
        long started = System.nanoTime();
        invokeFanOut(event);
        long returned = System.nanoTime();
        long last = 0;
        for (FeedClient client : clients) {
          last = Math.max(last, client.awaitEventId(eventId).nanoTime());
        }
        if (run >= warmUp) {
          invocations[run - warmUp] = returned - started;
          delivered[run - warmUp] = last - started;
        }
      }
      Percentiles invocation = Percentiles.ofNanos(invocations);
      Percentiles all = Percentiles.ofNanos(delivered);
      System.out.printf(
          "Fan-out to %d connections, warm, %d runs after %d to warm up: invocation p50 %.1f ms, max"
              + " %.1f ms; last message p50 %.1f ms, max %.1f ms%n",
          connections,
          runs,
          warmUp,
          invocation.p50Ms(),
          invocation.maxMs(),
          all.p50Ms(),
          all.maxMs());
      ObjectNode result = JSON.createObjectNode();
      result.put("connections", connections);
      result.set("invocation", percentiles(invocation));
      result.set("lastMessage", percentiles(all));
      return result;
    } finally {
      clients.forEach(FeedClient::close);
    }
  }

  /**
   * One client subscribed to a category, and {@code writes} PUTs of products of it, one after another (after ten to
   * warm up): for each, the time from sending the request to the client's receiving the event of that version.
   */
  ObjectNode endToEnd(int writes) throws Exception {
    String category = "bench-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    String adminToken = token("groups=catalog-admins");
    int warmUp = 10;
    long[] latencies = new long[writes];
    try (FeedClient client = FeedClient.connect(feedUrl(), feedToken, category)) {
      for (int write = 0; write < warmUp + writes; write++) {
        String id = "e2e-" + write + "-" + category;
        ObjectNode product =
            JSON.createObjectNode()
                .put("name", "Lamp " + write)
                .put("price", new java.math.BigDecimal("3.50"))
                .put("category", category);
        long started = System.nanoTime();
        var response =
            HTTP.send(
                HttpRequest.newBuilder(services.api().url().resolve("/products/" + id))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .PUT(BodyPublishers.ofString(product.toString()))
                    .build(),
                BodyHandlers.ofString());
        if (response.statusCode() != 201) {
          throw new IllegalStateException(
              "PUT " + id + ": " + response.statusCode() + " " + response.body());
        }
        long arrived = client.awaitEvent(id, 1).nanoTime();
        if (write >= warmUp) {
          latencies[write - warmUp] = arrived - started;
        }
      }
    }
    Percentiles latency = Percentiles.ofNanos(latencies);
    System.out.printf(
        "REST write to WebSocket message, %d writes after %d to warm up: p50 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms%n",
        writes, warmUp, latency.p50Ms(), latency.p99Ms(), latency.maxMs());
    return percentiles(latency);
  }

  private List<FeedClient> connectAll(int count, String category) throws Exception {
    long started = System.nanoTime();
    List<FeedClient> clients = new ArrayList<>();
    try (ExecutorService connecting = Executors.newFixedThreadPool(16)) {
      List<Future<FeedClient>> pending = new ArrayList<>();
      // One principal holds at most MaxConnectionsPerPrincipal connections: as many readers as
      // that takes, each with a token of its own.
      int perPrincipal =
          Integer.parseInt(
              services
                  .template()
                  .parameters()
                  .get("MaxConnectionsPerPrincipal")
                  .defaultValue()
                  .orElseThrow());
      List<String> tokens = new ArrayList<>();
      for (int reader = 0; reader * perPrincipal < count; reader++) {
        tokens.add(token("groups=&username=bench-reader-" + reader));
      }
      for (int i = 0; i < count; i++) {
        // Round robin, so that concurrent connects seldom write the same principal's item.
        String token = tokens.get(i % tokens.size());
        pending.add(connecting.submit(() -> FeedClient.connect(feedUrl(), token, category)));
      }
      for (Future<FeedClient> client : pending) {
        clients.add(client.get());
      }
    }
    System.out.printf(
        "%d connections subscribed to %s in %.1f s%n",
        count, category, (System.nanoTime() - started) / 1e9);
    return clients;
  }

  /** The fan-out function's event file, as one change of the category (no move) with a fresh event id. */
  private static byte[] event(JsonNode template, String eventId, String category) throws Exception {
    ObjectNode event = template.deepCopy();
    ObjectNode record = (ObjectNode) event.path("Records").get(0);
    record.put("eventID", eventId);
    for (String image : List.of("NewImage", "OldImage")) {
      ((ObjectNode) record.path("dynamodb").path(image).path("category")).put("S", category);
    }
    return JSON.writeValueAsBytes(event);
  }

  private void invokeFanOut(byte[] event) throws Exception {
    var outcome =
        services
            .functions()
            .pool("FeedFanOutFunction")
            .invokeDirect(event, UUID.randomUUID().toString());
    if (!(outcome instanceof dev.catalog.local.lambda.FunctionPool.Returned returned)
        || JSON.readTree((byte[]) returned.value()).path("batchItemFailures").size() != 0) {
      throw new IllegalStateException("The fan-out did not deliver: " + outcome);
    }
  }

  private URI feedUrl() {
    return services.webSocket().url();
  }

  private String token(String form) throws Exception {
    return LocalTokens.request(services.api().url(), form);
  }

  private static ObjectNode percentiles(Percentiles result) {
    ObjectNode node = JSON.createObjectNode();
    node.put("count", result.count());
    node.put("p50Ms", result.p50Ms());
    node.put("p90Ms", result.p90Ms());
    node.put("p99Ms", result.p99Ms());
    node.put("maxMs", result.maxMs());
    return node;
  }
}

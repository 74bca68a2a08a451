package dev.catalog.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load command ({@code ./mvnw -Pload}, docs/performance.md, "Load"): clients sending a mix of reads and writes to
 * the local API on loopback for a bounded time and count, then every product read back. Prints throughput, p50 and p99,
 * the statuses, and the local API's heap after a full GC before and after; exits 1 on any 5xx or a lost or duplicated
 * write.
 *
 * <p>Settings (system properties): {@code load.url} (default {@code http://127.0.0.1:3000}, loopback only),
 * {@code load.seconds} (120), {@code load.clients} (16), {@code load.maxRequests} (2,000,000), {@code load.mix}:
 * {@code mixed} (the default: each client its own products, {@link LoadClient}) or {@code hot} (every client on one
 * popular product, {@link HotProductClient}).
 *
 * <p>Writes carry a token of the local API's development issuer (an administrator's, so DELETE is allowed), fetched
 * once from {@code POST /_local/token}; a local API started with {@code -Dlocal.auth=off} has no issuer, and then
 * none is sent.
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(System.getProperty("load.url", "http://127.0.0.1:3000"));
    if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
      System.err.println(
          "load: " + url + " is not on loopback; the load command only runs against a local API");
      System.exit(2);
    }
    Duration duration = Duration.ofSeconds(Long.getLong("load.seconds", 120));
    int clients = Integer.getInteger("load.clients", 16);
    long maxRequests = Long.getLong("load.maxRequests", 2_000_000);
    String mix = System.getProperty("load.mix", "mixed").strip();
    if (!mix.equals("mixed") && !mix.equals("hot")) {
      System.err.println(
          "load: unknown mix '" + mix + "' (from -Dload.mix): use 'mixed' (default) or 'hot'");
      System.exit(2);
    }
    String run = "load-" + Long.toHexString(System.nanoTime());
    LocalApiHeap heap = LocalApiHeap.find();
    String heapBefore = heap.afterFullGc();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String token = token(http, url);
    AtomicLong budget = new AtomicLong(maxRequests);
    HotProduct hot = mix.equals("hot") ? new HotProduct(run) : null;
    if (hot != null) {
      hot.create(http, url, token);
    }
    long deadline = System.nanoTime() + duration.toNanos();
    List<Client> workers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      workers.add(
          hot == null
              ? new LoadClient(http, url, token, run, i, deadline, budget)
              : new HotProductClient(http, url, token, hot, i, deadline, budget));
    }
    System.out.printf(
        "load: %d clients against %s for %d s (at most %,d requests), %s%n",
        clients,
        url,
        duration.toSeconds(),
        maxRequests,
        hot == null
            ? "products in categories " + run + "-*"
            : "the hot-product mix on product "
                + hot.id
                + " (60% GET, 20% list, 10% PUT, 10% PATCH)");
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> done = new ArrayList<>();
      workers.forEach(worker -> done.add(pool.submit(worker)));
      for (Future<?> future : done) {
        future.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    LoadReport report = LoadReport.of(workers, seconds);
    List<String> lost = new ArrayList<>();
    for (Client worker : workers) {
      if (worker instanceof LoadClient owner) {
        lost.addAll(owner.verify());
      }
    }
    if (hot != null) {
      lost.addAll(hot.verify(http, url));
    }
    String heapAfter = heap.afterFullGc();
    System.out.println(report.summary());
    System.out.println(
        "local API heap after a full GC: before " + heapBefore + ", after " + heapAfter);
    if (hot == null) {
      System.out.println(
          "read back: "
              + workers.stream().mapToInt(worker -> ((LoadClient) worker).products()).sum()
              + " products, "
              + lost.size()
              + " lost, changed or duplicated"
              + (lost.isEmpty() ? "" : ": " + lost));
    } else {
      System.out.println(
          "read back: the hot product after "
              + hot.writes()
              + " writes answered 200, "
              + (lost.isEmpty()
                  ? "none lost, no version answered twice, the last one stored, every version"
                      + " answered"
                  : lost));
    }
    boolean ok = report.serverErrors() == 0 && report.unexpected() == 0 && lost.isEmpty();
    System.out.println(ok ? "load: PASS" : "load: FAIL");
    System.exit(ok ? 0 : 1);
  }

  /** An administrator's access token from the local API's development issuer, or null when it has none. */
  static String token(HttpClient http, URI url) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(url.resolve("/_local/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("groups=catalog-admins"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      return null;
    }
    return new ObjectMapper().readTree(answer.body()).path("access_token").asText();
  }
}

package dev.catalog.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load command ({@code ./mvnw -Pload}, README "Performance"): clients sending a mix of reads and writes to the
 * local API on loopback for a bounded time and count, then every product read back. Prints throughput, p50 and p99,
 * the statuses, and the local API's heap after a full GC before and after; exits 1 on any 5xx or a lost or
 * duplicated write.
 *
 * <p>Settings (system properties): {@code load.url} (default {@code http://127.0.0.1:3000}, loopback only),
 * {@code load.seconds} (120), {@code load.clients} (16), {@code load.maxRequests} (2,000,000).
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(System.getProperty("load.url", "http://127.0.0.1:3000"));
    if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
      System.err.println("load: " + url + " is not on loopback; the load command only runs against a local API");
      System.exit(2);
    }
    Duration duration = Duration.ofSeconds(Long.getLong("load.seconds", 120));
    int clients = Integer.getInteger("load.clients", 16);
    long maxRequests = Long.getLong("load.maxRequests", 2_000_000);
    String run = "load-" + Long.toHexString(System.nanoTime());
    LocalApiHeap heap = LocalApiHeap.find();
    String heapBefore = heap.afterFullGc();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    AtomicLong budget = new AtomicLong(maxRequests);
    long deadline = System.nanoTime() + duration.toNanos();
    List<LoadClient> workers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      workers.add(new LoadClient(http, url, run, i, deadline, budget));
    }
    System.out.printf("load: %d clients against %s for %d s (at most %,d requests), products in categories %s-*%n",
        clients, url, duration.toSeconds(), maxRequests, run);
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
    for (LoadClient worker : workers) {
      lost.addAll(worker.verify());
    }
    String heapAfter = heap.afterFullGc();
    System.out.println(report.summary());
    System.out.println("local API heap after a full GC: before " + heapBefore + ", after " + heapAfter);
    System.out.println("read back: " + workers.stream().mapToInt(LoadClient::products).sum()
        + " products, " + lost.size() + " lost, changed or duplicated" + (lost.isEmpty() ? "" : ": " + lost));
    boolean ok = report.serverErrors() == 0 && report.unexpected() == 0 && lost.isEmpty();
    System.out.println(ok ? "load: PASS" : "load: FAIL");
    System.exit(ok ? 0 : 1);
  }
}

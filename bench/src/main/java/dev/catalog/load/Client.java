package dev.catalog.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every client of the load shares: the request loop's bounds, sending a request with the run's token, and the
 * bookkeeping of each answer by kind of request (latency and status), which {@link LoadReport} sums up.
 */
abstract class Client implements Runnable {
  final HttpClient http;
  final URI base;
  private final String token;
  private final long deadline;
  private final AtomicLong budget;

  /** Latencies in microseconds, by kind of request ("GET", "list", "PUT", "PATCH", "POST", "DELETE"). */
  final Map<String, List<Long>> latenciesMicros = new TreeMap<>();

  /** Statuses by kind of request, then by status. */
  final Map<String, Map<Integer, Long>> statuses = new TreeMap<>();

  final List<String> unexpected = new ArrayList<>();

  Client(HttpClient http, URI base, String token, long deadline, AtomicLong budget) {
    this.http = http;
    this.base = base;
    this.token = token;
    this.deadline = deadline;
    this.budget = budget;
  }

  @Override
  public final void run() {
    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
      try {
        next();
      } catch (IOException | InterruptedException e) {
        unexpected.add(e.toString());
      }
    }
  }

  /** Sends the client's next request. */
  abstract void next() throws IOException, InterruptedException;

  HttpResponse<String> send(
      String kind, String method, String path, String body, String idempotency, Set<Integer> ok)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header(
          "Content-Type",
          method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
    }
    if (idempotency != null) {
      request.header(idempotency, UUID.randomUUID().toString());
    }
    if (token != null && !method.equals("GET")) {
      request.header("Authorization", "Bearer " + token);
    }
    long start = System.nanoTime();
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    latenciesMicros
        .computeIfAbsent(kind, k -> new ArrayList<>())
        .add((System.nanoTime() - start) / 1000);
    statuses.computeIfAbsent(kind, k -> new TreeMap<>()).merge(answer.statusCode(), 1L, Long::sum);
    if (!ok.contains(answer.statusCode())) {
      unexpected.add(
          method + " " + path + " answered " + answer.statusCode() + " " + answer.body());
    }
    return answer;
  }

  /** A GET outside the measured requests (the read-back at the end). */
  HttpResponse<String> readBack(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package dev.catalog.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the load: it creates its own products (POST with an Idempotency-Key) and reads, lists, patches and
 * deletes only those, so it knows what each must hold and {@link #verify} can check every one at the end. The mix:
 * 55% GET, 10% list, 15% PATCH, 15% POST, 5% DELETE.
 */
final class LoadClient implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI base;
  private final String category;
  private final long deadline;
  private final AtomicLong budget;
  private final Random random;
  private final Map<String, Integer> stock = new HashMap<>();
  private final List<String> ids = new ArrayList<>();
  final List<Long> latenciesMicros = new ArrayList<>();
  final Map<Integer, Long> statuses = new TreeMap<>();
  final List<String> unexpected = new ArrayList<>();

  LoadClient(HttpClient http, URI base, String run, int number, long deadline, AtomicLong budget) {
    this.http = http;
    this.base = base;
    this.category = run + "-" + number;
    this.deadline = deadline;
    this.budget = budget;
    this.random = new Random(number);
  }

  @Override
  public void run() {
    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
      int pick = random.nextInt(100);
      try {
        if (ids.isEmpty() || pick < 15) {
          create();
        } else if (pick < 70) {
          read(ids.get(random.nextInt(ids.size())));
        } else if (pick < 80) {
          send("GET", "/products?category=" + category + "&limit=20", null, null, Set.of(200));
        } else if (pick < 95) {
          patch(ids.get(random.nextInt(ids.size())));
        } else {
          delete(ids.get(random.nextInt(ids.size())));
        }
      } catch (IOException | InterruptedException e) {
        unexpected.add(e.toString());
      }
    }
  }

  private void create() throws IOException, InterruptedException {
    int units = random.nextInt(1000);
    String body = "{\"name\":\"Load item\",\"price\":9.99,\"category\":\"" + category + "\",\"stock\":" + units + "}";
    HttpResponse<String> answer = send("POST", "/products", body, "Idempotency-Key", Set.of(201));
    if (answer.statusCode() == 201) {
      String id = JSON.readTree(answer.body()).path("id").asText();
      ids.add(id);
      stock.put(id, units);
    }
  }

  private void read(String id) throws IOException, InterruptedException {
    HttpResponse<String> answer = send("GET", "/products/" + id, null, null, Set.of(200));
    if (answer.statusCode() == 200 && JSON.readTree(answer.body()).path("stock").asInt() != stock.get(id)) {
      unexpected.add("GET " + id + " read stock " + answer.body() + ", not " + stock.get(id));
    }
  }

  private void patch(String id) throws IOException, InterruptedException {
    int units = random.nextInt(1000);
    HttpResponse<String> answer = send("PATCH", "/products/" + id, "{\"stock\":" + units + "}", null, Set.of(200));
    if (answer.statusCode() == 200) {
      stock.put(id, units);
    }
  }

  private void delete(String id) throws IOException, InterruptedException {
    if (send("DELETE", "/products/" + id, null, null, Set.of(204)).statusCode() == 204) {
      ids.remove(id);
      stock.remove(id);
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String idempotency, Set<Integer> ok)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
    }
    if (idempotency != null) {
      request.header(idempotency, java.util.UUID.randomUUID().toString());
    }
    long start = System.nanoTime();
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    latenciesMicros.add((System.nanoTime() - start) / 1000);
    statuses.merge(answer.statusCode(), 1L, Long::sum);
    if (!ok.contains(answer.statusCode())) {
      unexpected.add(method + " " + path + " answered " + answer.statusCode() + " " + answer.body());
    }
    return answer;
  }

  int products() {
    return ids.size();
  }

  /** Every product this client was told exists, as last told; and nothing else in its category (list read back). */
  List<String> verify() throws IOException, InterruptedException {
    List<String> wrong = new ArrayList<>();
    Map<String, Integer> listed = new HashMap<>();
    String cursor = null;
    do {
      String path = "/products?category=" + category + "&limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(page.body());
      for (JsonNode item : json.path("items")) {
        if (listed.put(item.path("id").asText(), item.path("stock").asInt()) != null) {
          wrong.add("listed twice: " + item.path("id").asText());
        }
      }
      cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
    } while (cursor != null);
    if (!listed.equals(stock)) {
      wrong.add(category + ": stored " + listed.size() + " products, told " + stock.size()
          + (listed.keySet().equals(stock.keySet()) ? " (stock differs)" : ""));
    }
    return wrong;
  }
}

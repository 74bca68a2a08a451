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
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one popular product of the hot-product mix ({@code -Dload.mix=hot}), which every client reads, lists, replaces
 * and patches at once, as a product on sale is: its id, its category (with {@value #COMPANIONS} other products, for
 * the list), the stock numbers handed out (each write sets a stock no other write sets, so every write changes the
 * product and must make exactly one version), and every write's answer, to check at the end that none was lost.
 */
final class HotProduct {
  static final int COMPANIONS = 19;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A write as answered: the version it reports and the stock it set. */
  record Write(String kind, long version, int stock) {}

  final String id;
  final String category;
  private final AtomicInteger stock = new AtomicInteger(1000);
  private final Queue<Write> writes = new ConcurrentLinkedQueue<>();

  HotProduct(String run) {
    this.id = run + "-hot";
    this.category = run + "-sale";
  }

  /** The popular product's document for PUT, with {@code units} in stock and a price that follows from it. */
  String document(int units) {
    return "{\"name\":\"Hot product\",\"description\":\"On sale\",\"price\":"
        + price(units)
        + ",\"category\":\""
        + category
        + "\",\"tags\":[\"sale\"],\"stock\":"
        + units
        + "}";
  }

  /** The PATCH of stock and price that sets {@code units}. */
  static String patch(int units) {
    return "{\"stock\":" + units + ",\"price\":" + price(units) + "}";
  }

  /** A price of its own for each stock number: units / 100, two decimals. */
  static String price(int units) {
    return units / 100 + "." + String.format("%02d", units % 100);
  }

  /** A stock number no other write sets. */
  int nextStock() {
    return stock.incrementAndGet();
  }

  void answered(String kind, JsonNode product) {
    writes.add(new Write(kind, product.path("version").asLong(), product.path("stock").asInt()));
  }

  /** Creates the popular product (version 1) and its companions in its category. */
  void create(HttpClient http, URI base, String token) throws IOException, InterruptedException {
    put(http, base, token, id, document(stock.get()));
    for (int i = 0; i < COMPANIONS; i++) {
      put(http, base, token, id + "-" + i, document(i).replace("Hot product", "Companion " + i));
    }
  }

  private static void put(HttpClient http, URI base, String token, String id, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/products/" + id))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IllegalStateException(
          "load: creating " + id + " answered " + answer.statusCode() + " " + answer.body());
    }
  }

  int writes() {
    return writes.size();
  }

  /**
   * What went wrong, if anything: no two writes answered 200 reported the same version; the product is at the
   * highest version answered and holds that write's stock and price (the last writer won, and nothing was written
   * after it); its name, category and tags, which no write changes, are unchanged; and every version is one a write
   * answered 200 with, since each write makes exactly one. A version no answer reports is a
   * write applied twice, which a retried attempt's token prevents unless eight or more writes came in between
   * (docs/contract.md, "Throttling, timeouts and retries"), or a write whose answer the client never got (a 5xx, a
   * timeout), which the run then reports as such.
   */
  List<String> verify(HttpClient http, URI base) throws IOException, InterruptedException {
    List<String> wrong = new ArrayList<>();
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(base.resolve("/products/" + id))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode stored = JSON.readTree(answer.body());
    List<Write> sorted = writes.stream().sorted(Comparator.comparingLong(Write::version)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).version() == sorted.get(i - 1).version()) {
        wrong.add(
            "hot product: two writes answered version "
                + sorted.get(i).version()
                + ": "
                + sorted.get(i - 1)
                + ", "
                + sorted.get(i));
      }
    }
    long highest = sorted.isEmpty() ? 1 : sorted.getLast().version();
    if (stored.path("version").asLong() != highest) {
      wrong.add(
          "hot product: stored at version "
              + stored.path("version").asLong()
              + ", but the highest version a"
              + " write answered is "
              + highest);
    }
    long reapplied = stored.path("version").asLong() - 1 - sorted.size();
    if (!sorted.isEmpty()) {
      Write last = sorted.getLast();
      if (stored.path("stock").asInt() != last.stock()
          || !stored
              .path("price")
              .decimalValue()
              .stripTrailingZeros()
              .toPlainString()
              .equals(
                  new java.math.BigDecimal(price(last.stock()))
                      .stripTrailingZeros()
                      .toPlainString())) {
        wrong.add(
            "hot product: stores stock "
                + stored.path("stock")
                + " and price "
                + stored.path("price")
                + ", not those of the last write, "
                + last);
      }
    }
    if (!stored.path("name").asText().equals("Hot product")
        || !stored.path("category").asText().equals(category)
        || !stored.path("tags").toString().equals("[\"sale\"]")) {
      wrong.add("hot product: lost a field no write changed: " + answer.body());
    }
    if (reapplied != 0) {
      wrong.add(
          "hot product: "
              + reapplied
              + " versions no answer reports, between "
              + versions(sorted)
              + " (a write applied twice, or one whose answer was a 5xx or never came)");
    }
    return wrong;
  }

  private static String versions(List<Write> sorted) {
    StringBuilder text = new StringBuilder();
    long previous = 1;
    for (Write write : sorted) {
      if (write.version() != previous + 1) {
        text.append(" [").append(previous).append(" -> ").append(write.version()).append("]");
      }
      previous = write.version();
    }
    return text.isEmpty() ? "(in order)" : text.toString();
  }
}

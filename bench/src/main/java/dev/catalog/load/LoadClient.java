package dev.catalog.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the load: it creates its own products (POST with an Idempotency-Key) and reads, lists, patches and
 * deletes only those, so it knows what each must hold and {@link #verify} can check every one at the end. The mix:
 * 55% GET, 10% list, 15% PATCH, 15% POST, 5% DELETE.
 */
final class LoadClient extends Client {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String category;
  private final Random random;
  private final Map<String, Integer> stock = new HashMap<>();
  private final List<String> ids = new ArrayList<>();

  LoadClient(
      HttpClient http,
      URI base,
      String token,
      String run,
      int number,
      long deadline,
      AtomicLong budget) {
    super(http, base, token, deadline, budget);
    this.category = run + "-" + number;
    this.random = new Random(number);
  }

  @Override
  void next() throws IOException, InterruptedException {
    int pick = random.nextInt(100);
    if (ids.isEmpty() || pick < 15) {
      create();
    } else if (pick < 70) {
      read(ids.get(random.nextInt(ids.size())));
    } else if (pick < 80) {
      send("list", "GET", "/products?category=" + category + "&limit=20", null, null, Set.of(200));
    } else if (pick < 95) {
      patch(ids.get(random.nextInt(ids.size())));
    } else {
      delete(ids.get(random.nextInt(ids.size())));
    }
  }

  private void create() throws IOException, InterruptedException {
    int units = random.nextInt(1000);
    String body =
        "{\"name\":\"Load item\",\"price\":9.99,\"category\":\""
            + category
            + "\",\"stock\":"
            + units
            + "}";
    HttpResponse<String> answer =
        send("POST", "POST", "/products", body, "Idempotency-Key", Set.of(201));
    if (answer.statusCode() == 201) {
      String id = JSON.readTree(answer.body()).path("id").asText();
      ids.add(id);
      stock.put(id, units);
    }
  }

  private void read(String id) throws IOException, InterruptedException {
    HttpResponse<String> answer = send("GET", "GET", "/products/" + id, null, null, Set.of(200));
    if (answer.statusCode() == 200
        && JSON.readTree(answer.body()).path("stock").asInt() != stock.get(id)) {
      unexpected.add("GET " + id + " read stock " + answer.body() + ", not " + stock.get(id));
    }
  }

  private void patch(String id) throws IOException, InterruptedException {
    int units = random.nextInt(1000);
    HttpResponse<String> answer =
        send("PATCH", "PATCH", "/products/" + id, "{\"stock\":" + units + "}", null, Set.of(200));
    if (answer.statusCode() == 200) {
      stock.put(id, units);
    }
  }

  private void delete(String id) throws IOException, InterruptedException {
    if (send("DELETE", "DELETE", "/products/" + id, null, null, Set.of(204)).statusCode() == 204) {
      ids.remove(id);
      stock.remove(id);
    }
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
      String path =
          "/products?category="
              + category
              + "&limit=100"
              + (cursor == null ? "" : "&cursor=" + cursor);
      HttpResponse<String> page = readBack(path);
      JsonNode json = JSON.readTree(page.body());
      for (JsonNode item : json.path("items")) {
        if (listed.put(item.path("id").asText(), item.path("stock").asInt()) != null) {
          wrong.add("listed twice: " + item.path("id").asText());
        }
      }
      cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
    } while (cursor != null);
    if (!listed.equals(stock)) {
      wrong.add(
          category
              + ": stored "
              + listed.size()
              + " products, told "
              + stock.size()
              + (listed.keySet().equals(stock.keySet()) ? " (stock differs)" : ""));
    }
    return wrong;
  }
}

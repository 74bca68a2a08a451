package dev.catalog.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the hot-product mix: 60% GET of the popular product, 20% list of its category, 10% PUT of it
 * (unconditional, the whole document), 10% unconditional PATCH of its stock and price. Every write must answer 200;
 * a GET must read at least the version this client's last write answered (reads are strongly consistent).
 */
final class HotProductClient extends Client {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HotProduct product;
  private final Random random;
  private long lastWritten;

  HotProductClient(
      HttpClient http,
      URI base,
      String token,
      HotProduct product,
      int number,
      long deadline,
      AtomicLong budget) {
    super(http, base, token, deadline, budget);
    this.product = product;
    this.random = new Random(number);
  }

  @Override
  void next() throws IOException, InterruptedException {
    int pick = random.nextInt(100);
    String path = "/products/" + product.id;
    if (pick < 60) {
      HttpResponse<String> answer = send("GET", "GET", path, null, null, Set.of(200));
      if (answer.statusCode() == 200
          && JSON.readTree(answer.body()).path("version").asLong() < lastWritten) {
        unexpected.add(
            "GET read version "
                + JSON.readTree(answer.body()).path("version")
                + " after this client's"
                + " write answered version "
                + lastWritten);
      }
    } else if (pick < 80) {
      send(
          "list",
          "GET",
          "/products?category=" + product.category + "&limit=20",
          null,
          null,
          Set.of(200));
    } else if (pick < 90) {
      written(
          "PUT",
          send("PUT", "PUT", path, product.document(product.nextStock()), null, Set.of(200)));
    } else {
      written(
          "PATCH",
          send("PATCH", "PATCH", path, HotProduct.patch(product.nextStock()), null, Set.of(200)));
    }
  }

  private void written(String kind, HttpResponse<String> answer) throws IOException {
    if (answer.statusCode() == 200) {
      JsonNode json = JSON.readTree(answer.body());
      product.answered(kind, json);
      lastWritten = Math.max(lastWritten, json.path("version").asLong());
    }
  }
}

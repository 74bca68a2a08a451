package dev.catalog.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.console.LocalApiException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sample data for a newcomer: a JSON array of products, each with its {@code id}, PUT through the API itself
 * ({@code PUT /products/{id}} with {@code If-None-Match: *}), so every product passes the real validation and a
 * product already there (a restart on the same {@code -Dlocal.data}) is left as it is.
 */
final class SeedData {
  private SeedData() {}

  /** @throws LocalApiException naming the file and the product that the API refused */
  static int put(URI api, Path file, String token) {
    JsonNode products = read(file);
    int created = 0;
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      for (int i = 0; i < products.size(); i++) {
        JsonNode product = products.get(i);
        String id = product.path("id").asText("");
        if (id.isEmpty()) {
          throw new LocalApiException("Seed file " + file + ": product [" + i + "] has no \"id\"");
        }
        HttpRequest.Builder put =
            HttpRequest.newBuilder(
                    api.resolve(
                        "/products/"
                            + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")))
                .header("Content-Type", "application/json")
                .header("If-None-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString(product.toString()));
        if (token != null) {
          put.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response =
            client.send(put.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          created++;
        } else if (response.statusCode() != 412) {
          throw new LocalApiException(
              "Seed file "
                  + file
                  + ": product "
                  + id
                  + " was refused with "
                  + response.statusCode()
                  + " "
                  + response.body());
        }
      }
    } catch (IOException e) {
      throw new LocalApiException("Seeding from " + file + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalApiException("Seeding from " + file + " was interrupted", e);
    }
    return created;
  }

  /**
   * The category most products of the file have (of those with as many, the first the file names), as the API
   * stores it (trimmed); null when none has one. The dashboard's link shows it, so a newcomer sees a full table.
   */
  static String categoryWithMostProducts(Path file) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JsonNode product : read(file)) {
      String category = product.path("category").asText("").strip();
      if (!category.isEmpty()) {
        counts.merge(category, 1, Integer::sum);
      }
    }
    String most = null;
    for (Map.Entry<String, Integer> count : counts.entrySet()) {
      if (most == null || count.getValue() > counts.get(most)) {
        most = count.getKey();
      }
    }
    return most;
  }

  private static JsonNode read(Path file) {
    JsonNode products;
    try {
      products = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new LocalApiException(
          "Seed file "
              + file
              + " is not valid JSON: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    if (products == null || !products.isArray()) {
      throw new LocalApiException("Seed file " + file + " must hold a JSON array of products");
    }
    return products;
  }
}

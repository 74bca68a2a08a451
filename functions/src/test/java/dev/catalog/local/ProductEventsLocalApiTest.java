package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.events.sns.PublishedMessage;
import dev.catalog.testing.DynamoDbLocal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw -Plocal} with the real template, end to end: a product written through the REST API reaches
 * ProductEventsFunction through the products table's stream, and its events the local SNS endpoint.
 */
class ProductEventsLocalApiTest {
  static final CapturedConsole OUT = new CapturedConsole();
  static final ObjectMapper JSON = new ObjectMapper();
  static LocalServices services;

  @BeforeAll
  static void start() {
    services =
        LocalMain.start(
            new LocalOptions(
                DynamoDbLocal.TEMPLATE, 0, null, null, 0, false, null, null, true, null),
            OUT.stream(),
            new CapturedConsole().stream());
    assertNotNull(services, OUT::text);
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  static List<PublishedMessage> awaitEvents(String productId, int count)
      throws InterruptedException {
    Predicate<PublishedMessage> ofProduct =
        message -> productId.equals(message.attribute("productId"));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<PublishedMessage> found = List.of();
    while (System.nanoTime() < deadline) {
      found = services.sns().messages("ProductEventsTopic").stream().filter(ofProduct).toList();
      if (found.size() >= count) {
        break;
      }
      Thread.sleep(20);
    }
    return found;
  }

  @Test
  void aProductWrittenThroughTheRestApiIsPublishedAsProductEventsWithLowStockOnce()
      throws Exception {
    String body =
        """
        {"name": "Desk lamp", "price": 19.9, "category": "lighting", "stock": 9}""";
    assertEquals(
        201,
        Requests.send(
                Requests.asAdmin(services.api(), "/products/e2e-lamp")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)))
            .statusCode());
    for (String patch : List.of("{\"stock\": 3, \"category\": \"office\"}", "{\"stock\": 1}")) {
      assertEquals(
          200,
          Requests.send(
                  Requests.asAdmin(services.api(), "/products/e2e-lamp")
                      .header("Content-Type", "application/merge-patch+json")
                      .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)))
              .statusCode());
    }
    assertEquals(
        204,
        Requests.send(Requests.asAdmin(services.api(), "/products/e2e-lamp").DELETE())
            .statusCode());

    List<PublishedMessage> events = awaitEvents("e2e-lamp", 5);
    assertEquals(
        List.of("created", "updated", "low-stock", "updated", "deleted"),
        events.stream().map(m -> m.attribute("eventType")).toList(),
        OUT::text);
    assertEquals("lighting", events.get(1).attribute("previousCategory"));
    JsonNode created = JSON.readTree(events.get(0).message());
    assertEquals("e2e-lamp", created.get("product").get("id").asText());
    assertEquals(9, created.get("product").get("stock").asInt());
    assertEquals(
        List.of("ProductEventsFunction"),
        events.stream().map(PublishedMessage::publisher).distinct().toList());
  }
}

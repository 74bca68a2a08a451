package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.dashboard.FeedClient;
import dev.catalog.local.events.sns.PublishedMessage;
import dev.catalog.testing.LocalTokens;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.WallClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When each change happened, on the whole local system of {@code ./mvnw -Plocal}: a product created, updated and
 * deleted through the REST API reaches a feed connection (through the fan-out) and the local SNS endpoint (through
 * the product events function), both reading the products table's stream, and each event's {@code occurredAt} is
 * the time of its own write: the API's timestamp for a create or an update, the second of the delete for a delete.
 */
class ChangeTimesLocalTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final CapturedConsole OUT = new CapturedConsole();
  static LocalServices services;

  /** When a write was sent and when its answer came. */
  record Window(Instant start, Instant end) {}

  @BeforeAll
  static void start() {
    Properties properties = new Properties();
    properties.setProperty("port", "0");
    properties.setProperty("local.wsPort", "0");
    properties.setProperty("local.warm", "false");
    services = LocalServices.start(LocalOptions.from(properties, Map.of()), OUT.stream());
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
  }

  @Test
  void
      eachEventOnTheFeedAndOnSnsIsDatedWithItsWriteADeleteWithTheSecondOfTheDeleteNotTheLastUpdate()
          throws Exception {
    String category = SampleProducts.uniqueCategory();
    String id = category + "-lamp";
    String admin = token("groups=catalog-admins");
    try (FeedClient feed =
        FeedClient.connect(services.webSocket().url(), token("groups="), category)) {
      // The writes within one minute, the delete 5 s or more past its start and 3 s after the
      // update: a delete dated
      // with its minute, or with the product's last update, is told apart from one dated with the
      // delete.
      WallClock.awaitSecondOfMinute(5, 45);
      Map<String, Window> writes = new LinkedHashMap<>();
      writes.put(
          "created",
          write(
              HttpRequest.newBuilder(services.api().url().resolve("/products/" + id))
                  .header("Content-Type", "application/json")
                  .PUT(BodyPublishers.ofString(SampleProducts.full(category).toString())),
              admin,
              201));
      writes.put(
          "updated",
          write(
              HttpRequest.newBuilder(services.api().url().resolve("/products/" + id))
                  .header("Content-Type", "application/merge-patch+json")
                  .method("PATCH", BodyPublishers.ofString("{\"name\": \"Desk lamp\"}")),
              admin,
              200));
      Thread.sleep(3000);
      writes.put(
          "deleted",
          write(
              HttpRequest.newBuilder(services.api().url().resolve("/products/" + id)).DELETE(),
              admin,
              204));

      // Delivery is at least once: a duplicate (the same eventId) is dropped, as a subscriber does.
      Map<String, JsonNode> feedEvents = new LinkedHashMap<>();
      while (feedEvents.size() < 3) {
        FeedClient.Received received = feed.next(Duration.ofSeconds(30));
        assertTrue(
            received != null,
            () -> "3 events on the feed, got " + feedEvents.values() + "\n" + OUT.text());
        feedEvents.putIfAbsent(received.message().path("eventId").asText(), received.message());
      }
      List<JsonNode> fed = List.copyOf(feedEvents.values());
      List<JsonNode> published = published(id, 3);

      for (List<JsonNode> events : List.of(fed, published)) {
        assertEquals(
            List.of("created", "updated", "deleted"),
            events.stream().map(e -> e.path("type").asText()).toList());
        for (JsonNode event : events) {
          String type = event.path("type").asText();
          Window write = writes.get(type);
          Instant occurredAt = Instant.parse(event.path("occurredAt").asText());
          // A create or update: the API's own timestamp, inside its request. A delete: the stream's
          // time of the
          // record, to the second, rounded down; read from the stream a poll after the write (more
          // when loaded).
          Instant earliest =
              type.equals("deleted")
                  ? write.start().truncatedTo(ChronoUnit.SECONDS)
                  : write.start();
          Instant latest = type.equals("deleted") ? write.end().plusSeconds(2) : write.end();
          assertTrue(
              !occurredAt.isBefore(earliest) && !occurredAt.isAfter(latest),
              () ->
                  type
                      + " written from "
                      + write.start()
                      + " to "
                      + write.end()
                      + ", occurredAt "
                      + occurredAt
                      + ": "
                      + event);
        }
      }
      // One time per change, whoever reads the stream, as in AWS: the fan-out's and the product
      // events' agree.
      for (int i = 0; i < 3; i++) {
        assertEquals(fed.get(i).path("eventId"), published.get(i).path("eventId"));
        assertEquals(fed.get(i).path("occurredAt"), published.get(i).path("occurredAt"));
      }
    }
  }

  static Window write(HttpRequest.Builder request, String token, int status) throws Exception {
    Instant start = Instant.now();
    var response =
        HTTP.send(
            request.header("Authorization", "Bearer " + token).build(), BodyHandlers.ofString());
    Instant end = Instant.now();
    assertEquals(status, response.statusCode(), response::body);
    return new Window(start, end);
  }

  /**
   * The bodies of the product's change events on the local SNS topic, once there are {@code count}, in order; a
   * message published again (at least once: the same eventId) counted once.
   */
  static List<JsonNode> published(String productId, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Map<String, JsonNode> found = new LinkedHashMap<>();
    while (found.size() < count && System.nanoTime() < deadline) {
      found.clear();
      for (PublishedMessage message : services.sns().messages("ProductEventsTopic")) {
        if (productId.equals(message.attribute("productId"))
            && Set.of("created", "updated", "deleted").contains(message.attribute("eventType"))) {
          found.putIfAbsent(message.attribute("eventId"), JSON.readTree(message.message()));
        }
      }
      Thread.sleep(20);
    }
    assertEquals(count, found.size(), OUT::text);
    return List.copyOf(found.values());
  }

  static String token(String form) throws Exception {
    return LocalTokens.request(services.api().url(), form);
  }
}

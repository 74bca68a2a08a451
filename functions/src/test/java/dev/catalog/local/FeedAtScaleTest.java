package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.dashboard.FeedClient;
import dev.catalog.testing.LocalTokens;
import dev.catalog.testing.SampleProducts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live feed at scale on the whole local system of {@code ./mvnw -Plocal}: 100 WebSocket connections over five
 * categories (one category, two, or all products), then a burst of 500 REST writes from eight writers at once (100
 * products, each created and replaced four times, ten of them moved to another category by their last write). Every
 * connection must receive exactly the events of its subscriptions, each once, in order per product.
 */
class FeedAtScaleTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final int PRODUCTS = 100;
  static final int VERSIONS = 5;
  static final int MOVED = 10;
  static LocalServices services;

  /** A connection and the topics it subscribed to when it connected (null: all products). */
  record Subscriber(FeedClient client, Set<String> categories) {
    boolean receives(String category) {
      return categories == null || categories.contains(category);
    }
  }

  @BeforeAll
  static void start() {
    Properties properties = new Properties();
    properties.setProperty("port", "0");
    properties.setProperty("local.wsPort", "0");
    properties.setProperty("local.warm", "false");
    services =
        LocalServices.start(
            LocalOptions.from(properties, Map.of()), new CapturedConsole().stream());
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
  }

  @Test
  void
      hundredConnectionsEachReceiveExactlyTheEventsOfTheirSubscriptionsInOrderPerProductAfterABurstOf500Writes()
          throws Exception {
    String run = SampleProducts.uniqueCategory();
    List<String> categories = List.of(run + "-a", run + "-b", run + "-c", run + "-d", run + "-e");
    // Ten readers in no group, ten connections each: a principal holds at most 10
    // (MaxConnectionsPerPrincipal).
    List<String> readers = new ArrayList<>();
    for (int reader = 0; reader < 10; reader++) {
      readers.add(token("groups=&username=reader-" + reader));
    }
    List<Subscriber> subscribers = connect(categories, readers);
    try {
      Map<String, List<String>> categoryOfVersion =
          burst(run, categories, token("groups=catalog-admins"));

      for (Subscriber subscriber : subscribers) {
        // Expected: each version of each product whose category before or after the write is
        // subscribed.
        Map<String, List<Long>> expected = new TreeMap<>();
        categoryOfVersion.forEach(
            (id, perVersion) -> {
              for (int version = 1; version <= VERSIONS; version++) {
                String now = perVersion.get(version - 1);
                String before = version == 1 ? null : perVersion.get(version - 2);
                if (subscriber.receives(now) || before != null && subscriber.receives(before)) {
                  expected.computeIfAbsent(id, any -> new ArrayList<>()).add((long) version);
                }
              }
            });
        int count = expected.values().stream().mapToInt(List::size).sum();
        Map<String, List<Long>> received = new TreeMap<>();
        Set<String> eventIds = new HashSet<>();
        for (int i = 0; i < count; i++) {
          FeedClient.Received message = subscriber.client().next(Duration.ofSeconds(30));
          if (message == null) {
            break;
          }
          JsonNode event = message.message();
          received
              .computeIfAbsent(event.path("id").asText(), any -> new ArrayList<>())
              .add(event.path("version").asLong());
          eventIds.add(event.path("eventId").asText());
        }
        assertEquals(expected, received, () -> "subscribed to " + subscriber.categories());
        assertEquals(count, eventIds.size(), "one event id per event");
      }
      // Nothing more after a pause: no event twice, none for another category.
      Thread.sleep(500);
      for (Subscriber subscriber : subscribers) {
        assertNull(
            subscriber.client().next(Duration.ZERO), () -> "extra for " + subscriber.categories());
      }
    } finally {
      subscribers.forEach(subscriber -> subscriber.client().close());
    }
  }

  /**
   * 100 connections: 60 to one category, 30 to two, 10 to all products, spread over the categories, the readers'
   * tokens taken in turn.
   */
  static List<Subscriber> connect(List<String> categories, List<String> readers) throws Exception {
    URI feed = services.webSocket().url();
    List<Subscriber> subscribers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String token = readers.get(i % readers.size());
      String first = categories.get(i % categories.size());
      String second = categories.get((i + 2) % categories.size());
      if (i < 60) {
        subscribers.add(new Subscriber(FeedClient.connect(feed, token, first), Set.of(first)));
      } else if (i < 90) {
        subscribers.add(
            new Subscriber(
                FeedClient.connect(URI.create(feed + "?category=" + second), token, first),
                Set.of(first, second)));
      } else {
        subscribers.add(
            new Subscriber(FeedClient.connect(URI.create(feed + "?all=true"), token, first), null));
      }
    }
    return subscribers;
  }

  /**
   * The writes, eight writers at once, each writing its products' versions in order: every product created, then
   * replaced four times; the first {@link #MOVED} move to the next category on their last write.
   *
   * @return each product's category at each version
   */
  static Map<String, List<String>> burst(String run, List<String> categories, String adminToken)
      throws Exception {
    Map<String, List<String>> categoryOfVersion = new LinkedHashMap<>();
    for (int product = 0; product < PRODUCTS; product++) {
      String home = categories.get(product % categories.size());
      List<String> perVersion = new ArrayList<>();
      for (int version = 1; version <= VERSIONS; version++) {
        perVersion.add(
            product < MOVED && version == VERSIONS
                ? categories.get((product + 1) % categories.size())
                : home);
      }
      categoryOfVersion.put(run + "-p" + product, perVersion);
    }
    try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
      List<Future<?>> done = new ArrayList<>();
      List<String> ids = new ArrayList<>(categoryOfVersion.keySet());
      for (int writer = 0; writer < 8; writer++) {
        int first = writer;
        done.add(
            writers.submit(
                () -> {
                  for (int i = first; i < ids.size(); i += 8) {
                    String id = ids.get(i);
                    for (int version = 1; version <= VERSIONS; version++) {
                      put(id, categoryOfVersion.get(id).get(version - 1), version, adminToken);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> writer : done) {
        writer.get();
      }
    }
    return categoryOfVersion;
  }

  static void put(String id, String category, int version, String adminToken) throws Exception {
    var product = SampleProducts.minimal(category).put("name", "Version " + version);
    var response =
        HTTP.send(
            HttpRequest.newBuilder(services.api().url().resolve("/products/" + id))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(product.toString()))
                .build(),
            BodyHandlers.ofString());
    assertEquals(version == 1 ? 201 : 200, response.statusCode(), response::body);
  }

  static String token(String form) throws Exception {
    return LocalTokens.request(services.api().url(), form);
  }
}

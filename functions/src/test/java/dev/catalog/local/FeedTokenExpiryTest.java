package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.testing.LocalTokens;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.WebSocketClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A feed connection lives no longer than the token it was opened with, through the whole local system as
 * {@code ./mvnw -Plocal} runs it: a short-lived token from the development issuer ({@code expires_in}), the
 * {@code $connect} authorizer passing the token's {@code exp} on, the fan-out on the products stream, and the sweep on
 * its schedule, run here every second instead of every minute (the deployed rate, {@code rate(1 minute)}, is what
 * bounds the close to 60 s).
 */
class FeedTokenExpiryTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);
  static final Duration DELIVERY = Duration.ofSeconds(20);

  /** The short-lived token's: long enough for a change to reach the feed on a loaded machine, short for a test. */
  static final Duration LIFETIME = Duration.ofSeconds(10);

  static final CapturedConsole CONSOLE = new CapturedConsole();
  static LocalServices services;

  @BeforeAll
  static void start() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("port", "0");
    properties.setProperty("local.wsPort", "0");
    properties.setProperty("local.warm", "false");
    services =
        LocalServices.builder(LocalOptions.from(properties, Map.of()))
            .console(CONSOLE.stream())
            .schedules(SWEEP_PERIOD)
            .start();
    warmUp();
  }

  /**
   * Every function on the path warm first (authorizer, $connect, the write, the fan-out, $disconnect), retrying the
   * first handshake, which a cold start on a loaded machine can take past the client's wait: the timed part below
   * then measures the feed, not cold starts.
   */
  static void warmUp() throws Exception {
    String category = SampleProducts.uniqueCategory();
    String token = token("groups=");
    WebSocketClient client = null;
    for (int attempt = 1; client == null; attempt++) {
      try {
        client = feed(category, token);
      } catch (RuntimeException coldStart) {
        if (attempt == 5) {
          throw coldStart;
        }
      }
    }
    try (WebSocketClient warm = client) {
      put(token("groups=catalog-admins"), "p-" + UUID.randomUUID(), category, 1);
      event(warm);
    }
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
  }

  @Test
  void anEventBeforeTheTokensExpiryIsDeliveredNoneAfterAndTheServerClosesTheConnection()
      throws Exception {
    String category = SampleProducts.uniqueCategory();
    String admin = token("groups=catalog-admins");
    // A witness with an hour's token, subscribed to the same category: when it has an event, the
    // fan-out has handled that change for every subscriber.
    try (WebSocketClient witness = feed(category, token("groups="));
        WebSocketClient expiring =
            feed(category, token("groups=&expires_in=" + LIFETIME.toSeconds()))) {
      Instant expiry = Instant.ofEpochSecond(expiryOf(lastToken));
      String id = "p-" + UUID.randomUUID();

      put(admin, id, category, 1);
      JsonNode before = event(expiring);
      Instant deliveredAt = Instant.now();
      assertEquals(id, before.path("id").asText());
      assertEquals(1, before.path("version").asInt());
      assertTrue(deliveredAt.isBefore(expiry), "delivered before the token's expiry");
      assertEquals(1, event(witness).path("version").asInt());

      while (Instant.now().isBefore(expiry)) {
        Thread.sleep(50);
      }
      put(admin, id, category, 2);
      assertEquals(2, event(witness).path("version").asInt(), "the change after expiry fanned out");
      assertNull(expiring.next(Duration.ofMillis(500)), "nothing after the token's expiry");

      Integer code =
          expiring.closed().get(SWEEP_PERIOD.multipliedBy(10).toSeconds(), TimeUnit.SECONDS);
      Instant closedAt = Instant.now();
      assertNotNull(code);
      assertTrue(
          Duration.between(expiry, closedAt).compareTo(Duration.ofSeconds(60)) < 0,
          "closed " + Duration.between(expiry, closedAt) + " after the token's expiry");
      System.out.printf(
          "event delivered %d ms before expiry; connection closed %d ms after it (code %d)%n",
          Duration.between(deliveredAt, expiry).toMillis(),
          Duration.between(expiry, closedAt).toMillis(),
          code);
      assertFalse(witness.closed().isDone(), "a connection whose token is valid stays open");
      put(admin, id, category, 3);
      assertEquals(3, event(witness).path("version").asInt());
    }
  }

  static String lastToken;

  static WebSocketClient feed(String category, String token) {
    lastToken = token;
    return WebSocketClient.open(
        URI.create(services.webSocket().url() + "/?category=" + category + "&token=" + token));
  }

  static JsonNode event(WebSocketClient client) throws Exception {
    String message = client.next(DELIVERY);
    assertNotNull(message, "an event within " + DELIVERY);
    return JSON.readTree(message);
  }

  static long expiryOf(String jwt) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).path("exp").asLong();
  }

  static void put(String token, String id, String category, int stock) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(services.api().url().resolve("/products/" + id))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(
                    BodyPublishers.ofString(
                        "{\"name\": \"Lamp\", \"price\": 1, \"category\": \""
                            + category
                            + "\", \"stock\": "
                            + stock
                            + "}"))
                .build(),
            BodyHandlers.ofString());
    assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response::body);
  }

  static String token(String form) throws Exception {
    return LocalTokens.request(services.api().url(), form);
  }
}

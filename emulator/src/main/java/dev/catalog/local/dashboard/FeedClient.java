package dev.catalog.local.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A feed subscriber over a real WebSocket (the JDK's client), subscribed to one category when it connects
 * ({@code ?category=}): the browser test's witness that a change has gone out, and the latency benchmark's client.
 * Each message is kept with the time it arrived.
 */
public final class FeedClient implements WebSocket.Listener, AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A message, and {@link System#nanoTime()} when its last fragment arrived. */
  public record Received(JsonNode message, long nanoTime) {}

  private final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private FeedClient() {}

  /**
   * Connects with the token (none when null), subscribed to the category; fails when the handshake is refused.
   */
  public static FeedClient connect(URI feed, String token, String category) {
    FeedClient client = new FeedClient();
    URI url =
        URI.create(
            feed
                + (feed.getQuery() == null ? "?" : "&")
                + (token == null
                    ? ""
                    : "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&")
                + "category="
                + URLEncoder.encode(category, StandardCharsets.UTF_8));
    client.socket =
        HTTP.newWebSocketBuilder()
            .connectTimeout(WAIT)
            .buildAsync(url, client)
            .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
            .join();
    return client;
  }

  /** The next message, or null when none comes within the wait. */
  public Received next(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits for the event of the product's version, passing over other messages; fails after the wait. */
  public Received awaitEvent(String id, long version) throws InterruptedException {
    return await(
        message ->
            id.equals(message.path("id").asText()) && message.path("version").asLong() == version,
        "the event of " + id + " version " + version);
  }

  /** Waits for the event with that eventId, passing over other messages; fails after the wait. */
  public Received awaitEventId(String eventId) throws InterruptedException {
    return await(
        message -> eventId.equals(message.path("eventId").asText()), "the event " + eventId);
  }

  private Received await(Predicate<JsonNode> wanted, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      Received received = messages.poll(left, TimeUnit.NANOSECONDS);
      if (received != null && wanted.test(received.message())) {
        return received;
      }
    }
    throw new AssertionError("No message with " + what + " within " + WAIT);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      long now = System.nanoTime();
      try {
        messages.add(new Received(JSON.readTree(partial.toString()), now));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket
          .sendClose(WebSocket.NORMAL_CLOSURE, "")
          .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
          .exceptionally(failed -> null)
          .join();
    }
  }
}

package dev.catalog.feed.fanout;

import dev.catalog.changes.ProductChange;
import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.feed.connections.Topic;
import dev.catalog.kernel.telemetry.RequestMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Delivers one change to every connection subscribed to it: a Query per topic (the category, the previous one when
 * the product moved, all products), each connection once, the feed message posted to all of them in parallel (at most
 * {@link #PARALLEL_POSTS} at a time). A connection found gone is removed; one that refuses the message is counted and
 * skipped; if any post was deferred (throttled or failed past the client's retries), the change as a whole is
 * {@link DeliveryDeferred}, to be retried: a connection that did receive it then receives it again, under the same
 * {@code eventId}, and drops it.
 *
 * <p>A connection whose life has ended (its token expired, or API Gateway's two hours are over) gets nothing: the
 * Query leaves it out, and a post is not made once that second has come while the fan-out ran. The sweep closes it.
 */
public final class FanOut {
  public static final int PARALLEL_POSTS = 64;

  /** The metrics of a fan-out, as CloudWatch names them. */
  static final String DELIVERIES = "FeedDeliveries";

  static final String GONE = "ConnectionsGone";
  static final String FAILURES = "DeliveryFailures";
  static final String ENDED = "ConnectionsEnded";

  private final ConnectionStore connections;
  private final ConnectionsApi api;

  public FanOut(ConnectionStore connections, ConnectionsApi api) {
    this.connections = connections;
    this.api = api;
  }

  /** Thrown when the change must be delivered again later; the connections that have it already drop the repeat. */
  static final class DeliveryDeferred extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeliveryDeferred(String message) {
      super(message, null, false, false);
    }
  }

  /** The connections that receive {@code change}, each once, in the order their topics were queried. */
  Set<String> subscribers(ProductChange change) {
    return lives(change).keySet();
  }

  /** The connections that receive {@code change}, each once with the second its life ends, in query order. */
  private Map<String, Long> lives(ProductChange change) {
    Map<String, Long> lives = new LinkedHashMap<>();
    List<Topic> topics = new ArrayList<>();
    topics.add(Topic.category(change.category()));
    if (change.previousCategory() != null) {
      topics.add(Topic.category(change.previousCategory()));
    }
    topics.add(Topic.all());
    for (Topic topic : topics) {
      for (ConnectionStore.Subscriber subscriber : connections.subscriptions(topic)) {
        lives.merge(subscriber.connectionId(), subscriber.expiresAt(), Math::min);
      }
    }
    return lives;
  }

  /** Delivers the change; counts what happened in {@code metrics}. */
  void deliver(ProductChange change, RequestMetrics metrics) {
    Map<String, Long> lives = lives(change);
    Set<String> subscribers = lives.keySet();
    if (subscribers.isEmpty()) {
      return;
    }
    SdkBytes message = SdkBytes.fromString(change.toJson(), StandardCharsets.UTF_8);
    Map<Delivery, List<String>> outcomes = post(lives, message);
    List<String> gone = outcomes.getOrDefault(Delivery.GONE, List.of());
    for (String connectionId : gone) {
      connections.remove(connectionId);
    }
    int deferred = outcomes.getOrDefault(Delivery.DEFERRED, List.of()).size();
    metrics.count(DELIVERIES, outcomes.getOrDefault(Delivery.DELIVERED, List.of()).size());
    metrics.count(GONE, gone.size());
    metrics.count(ENDED, outcomes.getOrDefault(Delivery.ENDED, List.of()).size());
    metrics.count(FAILURES, outcomes.getOrDefault(Delivery.REFUSED, List.of()).size() + deferred);
    if (deferred > 0) {
      throw new DeliveryDeferred(
          "Change "
              + change.eventId()
              + " was not delivered to "
              + deferred
              + " of "
              + subscribers.size()
              + " connections");
    }
  }

  private Map<Delivery, List<String>> post(Map<String, Long> lives, SdkBytes message) {
    Map<Delivery, List<String>> outcomes = new EnumMap<>(Delivery.class);
    Semaphore permits = new Semaphore(PARALLEL_POSTS);
    List<String> order = new ArrayList<>(lives.keySet());
    List<Future<Delivery>> posts = new ArrayList<>(order.size());
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String connectionId : order) {
        posts.add(
            executor.submit(
                () -> {
                  permits.acquire();
                  try {
                    // Checked at the post itself: the token may have expired since the Query.
                    if (connections.ended(lives.get(connectionId))) {
                      return Delivery.ENDED;
                    }
                    return api.post(connectionId, message);
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (int i = 0; i < order.size(); i++) {
        outcomes.computeIfAbsent(outcome(posts.get(i)), d -> new ArrayList<>()).add(order.get(i));
      }
    }
    return outcomes;
  }

  private static Delivery outcome(Future<Delivery> post) {
    try {
      return post.get();
    } catch (ExecutionException failed) {
      throw new IllegalStateException("A post failed unexpectedly", failed.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryDeferred("Interrupted while posting");
    }
  }
}

package dev.catalog.feed;

import dev.catalog.feed.connections.Topic;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Priming;
import dev.catalog.kernel.telemetry.RequestLine;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a feed route function primes before Lambda takes the SnapStart snapshot ({@link Priming}): reading a
 * subscription from a message and a query, the replies, the request line, and the DynamoDB calls of the function's own
 * route, within its policy ({@link Calls}). It writes nothing: the calls name a connection API Gateway never issues
 * ({@value #ABSENT}: its ids are 16 base64 characters), a subscribe to it fails its condition, and an unsubscribe
 * deletes what is not there.
 */
final class FeedPriming {
  static final String ABSENT = "snapstart-priming";

  /** The DynamoDB calls of a function's route, within what its policy allows; they change nothing. */
  @FunctionalInterface
  interface Calls {
    void make(FeedContext context);
  }

  /** No call: {@code $connect} may only put items, which would write. */
  static void none(FeedContext context) {
    // Nothing to call.
  }

  /** Query of a connection's items: {@code $disconnect}'s first call (nothing found, so nothing deleted). */
  static void queryConnection(FeedContext context) {
    context.connections().remove(ABSENT);
  }

  /** The read of the connection's item, which is not there, so nothing is written. */
  static void subscribeAbsent(FeedContext context) {
    context
        .connections()
        .subscribe(
            ABSENT,
            Instant.now(context.clock()),
            null,
            List.of(Topic.all()),
            SubscribeHandler.MAX_TOPICS);
  }

  /** The transaction of an update and deletes whose condition (the connection is recorded) fails. */
  static void unsubscribeAbsent(FeedContext context) {
    context.connections().unsubscribe(ABSENT, List.of(Topic.all()));
  }

  private FeedPriming() {}

  /** Primes the route function whose own calls are {@code calls}. */
  static void prime(FeedContext context, Calls calls) {
    calls.make(context);
    Instant now = Instant.now(context.clock());
    WebSocketEvent message =
        new WebSocketEvent(
            "subscribe",
            "MESSAGE",
            ABSENT,
            now,
            "priming",
            null,
            null,
            Map.of(),
            "{\"action\":\"subscribe\",\"categories\":[\"cafe\\u0301\"],\"all\":true}",
            false);
    Subscription subscription = SubscriptionReader.message(message, "subscribe");
    SubscriptionReader.query(Map.of("category", List.of("priming"), "all", List.of("true")));
    FeedReply.acknowledged("subscribed", subscription.getCategories(), subscription.isAll());
    FeedReply.error(
        HttpError.badRequest("unknown-action", "Unknown action", "priming").problem(), "$default");
    RequestLine.prime();
  }
}

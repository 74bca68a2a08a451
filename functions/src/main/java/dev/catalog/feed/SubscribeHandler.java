package dev.catalog.feed;

import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.kernel.HttpError;

/**
 * {@code subscribe}: {@code {"action":"subscribe","categories":[...]}} and/or {@code "all":true} adds those topics to
 * the connection, up to {@link #MAX_TOPICS} in all (a cap the store's conditional write holds under concurrent
 * subscribes); the reply acknowledges them as stored.
 */
public final class SubscribeHandler extends FeedHandler {
  /** The most topics one connection holds: each one costs a fan-out a share of a Query and a post. */
  static final int MAX_TOPICS = 50;

  private final FeedContext context;

  public SubscribeHandler() {
    this(FeedContext.fromEnvironment(FeedPriming::subscribeAbsent));
  }

  public SubscribeHandler(FeedContext context) {
    this.context = context;
  }

  @Override
  protected FeedReply handle(WebSocketEvent event) {
    Subscription subscription = SubscriptionReader.message(event, "subscribe");
    ConnectionStore.SubscribeOutcome outcome =
        context
            .connections()
            .subscribe(
                event.connectionId(),
                context.connectedAt(event),
                event.tokenExpiresAt(),
                subscription.topics(),
                MAX_TOPICS);
    switch (outcome.result()) {
      case TOO_MANY ->
          throw HttpError.badRequest(
              "too-many-subscriptions",
              "Too many subscriptions",
              "A connection holds at most "
                  + MAX_TOPICS
                  + " subscriptions; this one would hold "
                  + outcome.topics()
                  + ". Unsubscribe first.");
      case NOT_RECORDED ->
          throw HttpError.notFound(
              "This connection is not recorded (its $connect did not complete); reconnect.");
      case ADDED -> {
        // answered below
      }
    }
    return FeedReply.acknowledged("subscribed", subscription.getCategories(), subscription.isAll());
  }
}

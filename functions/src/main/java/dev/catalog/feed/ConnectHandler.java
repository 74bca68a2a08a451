package dev.catalog.feed;

/**
 * {@code $connect}: records the connection, who opened it (the authorizer's principal) and the subscriptions of its
 * query ({@code ?category=a&category=b}, {@code ?all=true}). A query it refuses refuses the connection (400).
 */
public final class ConnectHandler extends FeedHandler {
  private final FeedContext context;

  public ConnectHandler() {
    this(FeedContext.fromEnvironment(FeedPriming::none));
  }

  public ConnectHandler(FeedContext context) {
    this.context = context;
  }

  @Override
  protected FeedReply handle(WebSocketEvent event) {
    Subscription subscription = SubscriptionReader.query(event.query());
    context
        .connections()
        .open(
            event.connectionId(),
            event.principalId(),
            context.connectedAt(event),
            event.tokenExpiresAt(),
            subscription.topics());
    return FeedReply.ok();
  }
}

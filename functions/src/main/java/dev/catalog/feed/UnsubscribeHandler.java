package dev.catalog.feed;

/**
 * {@code unsubscribe}: removes the topics the message names ({@code categories}, {@code "all":true}) from the
 * connection; naming one it does not hold is no error. The reply acknowledges them.
 */
public final class UnsubscribeHandler extends FeedHandler {
  private final FeedContext context;

  public UnsubscribeHandler() {
    this(FeedContext.fromEnvironment(FeedPriming::unsubscribeAbsent));
  }

  public UnsubscribeHandler(FeedContext context) {
    this.context = context;
  }

  @Override
  protected FeedReply handle(WebSocketEvent event) {
    Subscription subscription = SubscriptionReader.message(event, "unsubscribe");
    context.connections().unsubscribe(event.connectionId(), subscription.topics());
    return FeedReply.acknowledged(
        "unsubscribed", subscription.getCategories(), subscription.isAll());
  }
}

package dev.catalog.feed;

/**
 * {@code $disconnect}: removes the connection's items, its own and every subscription, and gives its principal's
 * connection slot back.
 */
public final class DisconnectHandler extends FeedHandler {
  private final FeedContext context;

  public DisconnectHandler() {
    this(FeedContext.fromEnvironment(FeedPriming::queryConnection));
  }

  public DisconnectHandler(FeedContext context) {
    this.context = context;
  }

  @Override
  protected FeedReply handle(WebSocketEvent event) {
    context.connections().close(event.connectionId(), event.principalId());
    return FeedReply.ok();
  }
}

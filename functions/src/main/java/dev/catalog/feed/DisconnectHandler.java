package dev.catalog.feed;

/** {@code $disconnect}: removes the connection's items, its own and every subscription. */
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
    context.connections().remove(event.connectionId());
    return FeedReply.ok();
  }
}

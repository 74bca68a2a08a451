package dev.catalog.feed;

import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.HttpError;
import java.time.Instant;

/**
 * {@code $connect}: records the connection, who opened it (the authorizer's principal) and the subscriptions of its
 * query ({@code ?category=a&category=b}, {@code ?all=true}). A query it refuses refuses the connection (400); so does
 * a principal that already holds {@code MAX_CONNECTIONS_PER_PRINCIPAL} open connections (429), a cap taken with a
 * conditional write before the connection is recorded ({@link ConnectionStore#reserve}).
 */
public final class ConnectHandler extends FeedHandler {
  private final FeedContext context;
  private final int maxPerPrincipal;

  public ConnectHandler() {
    this(
        FeedContext.fromEnvironment(FeedPriming::none),
        maxPerPrincipal(Environment.require("MAX_CONNECTIONS_PER_PRINCIPAL")));
  }

  public ConnectHandler(FeedContext context, int maxPerPrincipal) {
    if (maxPerPrincipal < 1) {
      throw new IllegalArgumentException("MAX_CONNECTIONS_PER_PRINCIPAL must be at least 1");
    }
    this.context = context;
    this.maxPerPrincipal = maxPerPrincipal;
  }

  /** The cap as the template passes it; a value that is not a positive number is a deployment error. */
  static int maxPerPrincipal(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("MAX_CONNECTIONS_PER_PRINCIPAL is not a number: " + value, e);
    }
  }

  @Override
  protected FeedReply handle(WebSocketEvent event) {
    Subscription subscription = SubscriptionReader.query(event.query());
    ConnectionStore connections = context.connections();
    Instant connectedAt = context.connectedAt(event);
    if (!connections.reserve(
        event.principalId(),
        event.connectionId(),
        connectedAt,
        event.tokenExpiresAt(),
        maxPerPrincipal)) {
      throw HttpError.tooManyRequests(
          "too-many-connections",
          "Too many connections",
          "A principal holds at most "
              + maxPerPrincipal
              + " open feed connections, and this one holds that many: close one (its slot comes"
              + " back at once), or wait for one to end.");
    }
    try {
      connections.open(
          event.connectionId(),
          event.principalId(),
          connectedAt,
          event.tokenExpiresAt(),
          subscription.topics());
    } catch (RuntimeException failed) {
      try {
        connections.release(event.principalId(), event.connectionId());
      } catch (RuntimeException alsoFailed) {
        failed.addSuppressed(alsoFailed); // the slot then comes back when its entry expires
      }
      throw failed;
    }
    return FeedReply.ok();
  }
}

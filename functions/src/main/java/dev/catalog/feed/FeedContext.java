package dev.catalog.feed;

import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.Priming;
import dev.catalog.storage.DynamoDbClients;
import java.time.Clock;
import java.time.Instant;

/**
 * What the feed's route functions share: the connections store and the clock. Lambda builds it once per container
 * from the environment ({@link #fromEnvironment}, through each handler's no-argument constructor); tests build their
 * own.
 */
public record FeedContext(ConnectionStore connections, Clock clock) {
  /**
   * The container's context, built on first use from the variables template.yaml sets. The first call also registers
   * the SnapStart priming hook with {@code priming}: the calls of the calling function's own route, which its policy
   * allows (a container runs one function).
   */
  static FeedContext fromEnvironment(FeedPriming.Calls priming) {
    FeedContext context = Holder.INSTANCE;
    Priming.register(() -> FeedPriming.prime(context, priming));
    return context;
  }

  private static final class Holder {
    static final FeedContext INSTANCE =
        new FeedContext(
            new ConnectionStore(
                DynamoDbClients.client(),
                Environment.require("CONNECTIONS_TABLE"),
                Clock.systemUTC()),
            Clock.systemUTC());
  }

  /** When the event's connection opened, as API Gateway says; now, should an event lack it. */
  Instant connectedAt(WebSocketEvent event) {
    return event.connectedAt() != null ? event.connectedAt() : clock.instant();
  }
}

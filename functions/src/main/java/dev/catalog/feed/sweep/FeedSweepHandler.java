package dev.catalog.feed.sweep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.feed.fanout.ConnectionsApi;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.Priming;
import dev.catalog.storage.DynamoDbClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * {@code FeedSweepFunction}, run every minute by its schedule: closes every feed connection whose life has ended (the
 * token it was opened with expired, or API Gateway's two hours are over) and removes its items ({@link Sweep}). The
 * scheduled event says nothing the sweep needs; it is read and dropped. One log line per run, with its metrics.
 */
public final class FeedSweepHandler implements RequestStreamHandler {
  /** The time a run takes at most without a Lambda context (a test's direct call): the template's Timeout. */
  static final long DEFAULT_MILLIS = 10_000;

  private final Sweep sweep;

  /** As Lambda creates it: from the environment, with the SnapStart priming hook registered. */
  public FeedSweepHandler() {
    this(Holder.INSTANCE);
    Priming.register(() -> Holder.INSTANCE.prime());
  }

  public FeedSweepHandler(Sweep sweep) {
    this.sweep = sweep;
  }

  private static final class Holder {
    static final Sweep INSTANCE =
        new Sweep(
            new ConnectionStore(
                DynamoDbClients.client(),
                Environment.require("CONNECTIONS_TABLE"),
                Clock.systemUTC()),
            new ConnectionsApi(ConnectionsApi.clientFromEnvironment()));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    long started = System.nanoTime();
    input.transferTo(OutputStream.nullOutputStream());
    sweep.run(
        context == null ? null : context.getAwsRequestId(),
        started,
        context == null ? DEFAULT_MILLIS : context.getRemainingTimeInMillis());
  }
}

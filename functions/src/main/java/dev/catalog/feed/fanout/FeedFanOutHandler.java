package dev.catalog.feed.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import dev.catalog.changes.ProductChange;
import dev.catalog.changes.StreamConsumer;
import dev.catalog.changes.StreamRecord;
import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.Log;
import dev.catalog.kernel.Priming;
import dev.catalog.kernel.telemetry.RequestLine;
import dev.catalog.kernel.telemetry.RequestMetrics;
import dev.catalog.storage.DynamoDbClients;
import java.time.Clock;

/**
 * The fan-out function: a batch of the products stream ({@link StreamConsumer}), each change delivered in the
 * stream's order ({@link FanOut}). The first record that cannot be processed (a change not delivered to every
 * connection, or a record that is not a change) ends the batch and is reported in {@code batchItemFailures}: Lambda
 * retries from it, not from the start of the batch, and never runs a later change of the shard before it, so each
 * product's changes reach clients in order. A dead connection never fails a record: it is removed. The batch's one
 * log line carries its metrics (deliveries, gone connections, failures, records failed).
 */
public final class FeedFanOutHandler extends StreamConsumer {
  /** What the log line names as the route: the stream the function consumes. */
  static final String SOURCE = "products";

  static final String RECORDS_FAILED = "RecordsFailed";

  private final FanOut fanOut;

  /** As Lambda creates it: from the environment, with the SnapStart priming hook registered. */
  public FeedFanOutHandler() {
    this(Holder.INSTANCE);
    Priming.register(() -> FanOutPriming.prime(Holder.INSTANCE));
  }

  public FeedFanOutHandler(FanOut fanOut) {
    this.fanOut = fanOut;
  }

  private static final class Holder {
    static final FanOut INSTANCE =
        new FanOut(
            new ConnectionStore(
                DynamoDbClients.client(),
                Environment.require("CONNECTIONS_TABLE"),
                Clock.systemUTC()),
            new ConnectionsApi(ConnectionsApi.clientFromEnvironment()));
  }

  @Override
  protected Batch begin(Context context, int records, long startedNanos) {
    RequestMetrics metrics = new RequestMetrics();
    String requestId = requestId(context);
    return new Batch() {
      @Override
      public void accept(ProductChange change) {
        fanOut.deliver(change, metrics);
      }

      @Override
      public void failed(StreamRecord record, RuntimeException failure) {
        Log.warning(
            "Stream record "
                + record.sequenceNumber()
                + " ("
                + record.eventId()
                + ") not processed; reported so that Lambda retries from it",
            failure);
        metrics.count(RECORDS_FAILED);
      }

      @Override
      public void finish(String failedSequenceNumber) {
        int status = failedSequenceNumber == null ? 200 : 500;
        RequestLine.write(
            new RequestLine.Request(
                requestId, "STREAM", SOURCE, status, null, null, startedNanos, metrics));
      }
    };
  }
}

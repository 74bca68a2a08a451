package dev.catalog.feed.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.catalog.kernel.Environment;
import dev.catalog.changes.ProductChange;
import dev.catalog.changes.StreamBatch;
import dev.catalog.changes.StreamRecord;
import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.kernel.Log;
import dev.catalog.kernel.Priming;
import dev.catalog.kernel.telemetry.RequestLine;
import dev.catalog.kernel.telemetry.RequestMetrics;
import dev.catalog.storage.DynamoDbClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The fan-out function: a batch of the products stream, each change delivered in the stream's order
 * ({@link FanOut}). The first record that cannot be processed (a change not delivered to every connection, or a
 * record that is not a change) ends the batch and is reported in {@code batchItemFailures}: Lambda retries from it,
 * not from the start of the batch, and never runs a later change of the shard before it, so each product's changes
 * reach clients in order. A dead connection never fails a record: it is removed. The batch's one log line carries its
 * metrics (deliveries, gone connections, failures, records failed).
 */
public final class FeedFanOutHandler implements RequestStreamHandler {
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
    static final FanOut INSTANCE = new FanOut(
        new ConnectionStore(DynamoDbClients.enhanced(), Environment.require("CONNECTIONS_TABLE"), Clock.systemUTC()),
        new ConnectionsApi(ConnectionsApi.clientFromEnvironment()));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    long started = System.nanoTime();
    List<StreamRecord> records = StreamBatch.read(input);
    RequestMetrics metrics = new RequestMetrics();
    List<String> failures = List.of();
    for (StreamRecord record : records) {
      try {
        Optional<ProductChange> change = ProductChange.of(record);
        if (change.isPresent()) {
          fanOut.deliver(change.get(), metrics);
        }
      } catch (RuntimeException failed) {
        Log.warning("Stream record " + record.sequenceNumber() + " (" + record.eventId()
            + ") not processed; reported so that Lambda retries from it", failed);
        metrics.count(RECORDS_FAILED);
        failures = List.of(record.sequenceNumber());
        break;
      }
    }
    String requestId = context == null ? null : context.getAwsRequestId();
    RequestLine.write(new RequestLine.Request(requestId, "STREAM", SOURCE, failures.isEmpty() ? 200 : 500, null,
        null, started, metrics));
    StreamBatch.writeFailures(failures, output);
  }
}

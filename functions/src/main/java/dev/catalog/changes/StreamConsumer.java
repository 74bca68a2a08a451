package dev.catalog.changes;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * The skeleton of every consumer of the products stream: reads the batch Lambda hands it ({@link StreamBatch#read}),
 * turns each record into a change ({@link ProductChange#of}) and has the consumer's {@link Batch} process them in the
 * stream's order. The first record that cannot be processed (its work threw, or it cannot be read as a change) ends
 * the batch and is the one reported in {@code batchItemFailures} ({@link StreamBatch#writeFailures}): Lambda retries
 * from it, not from the start of the batch, and no later change of the shard overtakes it. Then the batch writes its
 * line (log and metrics).
 *
 * <p>A consumer says only how a batch begins ({@link #begin}) and what it does per change, per failure and at the
 * end ({@link Batch}).
 */
public abstract class StreamConsumer implements RequestStreamHandler {
  /** One invocation's work on a batch, with whatever it counts along the way. */
  protected interface Batch {
    /** The consumer's work for one change; throws to have Lambda retry the batch from this change's record. */
    void accept(ProductChange change);

    /** A record that holds no product change (an item of another kind): nothing to do but count it. */
    default void skipped(StreamRecord record) {}

    /** The record that ends the batch, with what it threw: log it and count it; it is reported for retry. */
    void failed(StreamRecord record, RuntimeException failure);

    /** Writes the batch's line, once Lambda's answer is written; {@code failedSequenceNumber} is null for none. */
    void finish(String failedSequenceNumber);
  }

  /**
   * Begins a batch of {@code records} records that arrived at {@code startedNanos} ({@link System#nanoTime}), in
   * the invocation {@code context} (null when invoked without one).
   */
  protected abstract Batch begin(Context context, int records, long startedNanos);

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    long started = System.nanoTime();
    List<StreamRecord> records = StreamBatch.read(input);
    Batch batch = begin(context, records.size(), started);
    String failed = null;
    for (StreamRecord record : records) {
      try {
        Optional<ProductChange> change = ProductChange.of(record);
        if (change.isPresent()) {
          batch.accept(change.get());
        } else {
          batch.skipped(record);
        }
      } catch (RuntimeException failure) {
        batch.failed(record, failure);
        failed = record.sequenceNumber();
        break;
      }
    }
    StreamBatch.writeFailures(failed == null ? List.of() : List.of(failed), output);
    batch.finish(failed);
  }

  /** The invocation's request id, or null without a context. */
  protected static String requestId(Context context) {
    return context == null ? null : context.getAwsRequestId();
  }
}

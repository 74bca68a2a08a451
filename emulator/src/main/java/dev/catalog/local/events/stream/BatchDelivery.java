package dev.catalog.local.events.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Lambda's handling of one batch of a shard, until every record is processed or discarded: records older than
 * {@code MaximumRecordAgeInSeconds} are discarded before an invocation; a partial failure is retried from the lowest
 * sequence number reported; a function error is retried whole, or with {@code BisectBatchOnFunctionError} split in two
 * halves delivered one after the other (a split does not use up a retry); a malformed batch response fails the whole
 * batch (no split: it is no function error). After {@code MaximumRetryAttempts} retries what is left is discarded:
 * an {@link OnFailureRecord} goes to the destination, and the shard moves on. Retries wait 100 ms, doubling to 1 s.
 */
final class BatchDelivery {
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

  private final StreamConsumer consumer;
  private final String shardId;

  BatchDelivery(StreamConsumer consumer, String shardId) {
    this.consumer = consumer;
    this.shardId = shardId;
  }

  void deliver(List<Record> batch) throws InterruptedException {
    deliver(batch, 0);
  }

  private void deliver(List<Record> batch, int retries) throws InterruptedException {
    StreamEventSource source = consumer.source();
    List<Record> current = batch;
    int invocations = 0;
    boolean functionError = false;
    while (!current.isEmpty()) {
      int expired = expired(current, source.maximumRecordAgeSeconds());
      if (expired > 0) {
        consumer.discard(
            shardId,
            current.subList(0, expired),
            OnFailureRecord.Condition.RecordAgeExceeded,
            invocations,
            functionError);
        current = current.subList(expired, current.size());
        continue;
      }
      Set<String> sequenceNumbers =
          current.stream()
              .map(record -> record.dynamodb().sequenceNumber())
              .collect(Collectors.toSet());
      invocations++;
      BatchResponse response = consumer.invoke(shardId, current, sequenceNumbers);
      functionError = response instanceof BatchResponse.FunctionError;
      switch (response) {
        case BatchResponse.Success success -> {
          return;
        }
        case BatchResponse.Partial partial -> current = from(current, partial.from());
        case BatchResponse.FunctionError error -> {
          if (source.bisectOnError() && current.size() > 1) {
            int half = current.size() / 2;
            deliver(current.subList(0, half), retries);
            deliver(current.subList(half, current.size()), retries);
            return;
          }
        }
        case BatchResponse.Malformed malformed -> {}
      }
      retries++;
      if (source.maximumRetryAttempts() >= 0 && retries > source.maximumRetryAttempts()) {
        consumer.discard(
            shardId,
            current,
            OnFailureRecord.Condition.RetryAttemptsExhausted,
            invocations,
            functionError);
        return;
      }
      Thread.sleep(backoff(retries));
    }
  }

  /** How many records from the start are older than the limit (a shard's records come oldest first). */
  private int expired(List<Record> batch, int maximumAgeSeconds) {
    if (maximumAgeSeconds < 0) {
      return 0;
    }
    Instant oldest = consumer.now().minusSeconds(maximumAgeSeconds);
    int expired = 0;
    while (expired < batch.size()
        && batch.get(expired).dynamodb().approximateCreationDateTime().isBefore(oldest)) {
      expired++;
    }
    return expired;
  }

  private static List<Record> from(List<Record> batch, String sequenceNumber) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
        return batch.subList(i, batch.size());
      }
    }
    throw new IllegalArgumentException("No record " + sequenceNumber + " in the batch");
  }

  private static Duration backoff(int retries) {
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(retries - 1, 10));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}

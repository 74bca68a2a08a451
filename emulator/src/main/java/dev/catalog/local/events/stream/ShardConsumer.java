package dev.catalog.local.events.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One shard read as Lambda reads it: polled every {@value #POLL_MILLIS} ms while records come, every
 * {@value #IDLE_POLL_MILLIS} ms (Lambda's pace) after a second without any, records gathered into a batch of up to
 * {@code BatchSize} for up to {@code MaximumBatchingWindowInSeconds}, one batch in flight at a time, so records reach
 * the function in the shard's order; the next batch starts after the last one is processed or discarded. A shard
 * that is closed (no next iterator) and fully delivered is finished, so its children may start.
 */
final class ShardConsumer {
  /** Lambda polls a shard four times a second; locally ten while records come, so a burst's changes follow closely. */
  static final int POLL_MILLIS = 100;

  /** A poll of DynamoDB Local costs a few ms of CPU: an idle shard is polled at Lambda's pace. */
  static final int IDLE_POLL_MILLIS = 250;

  private static final int READ_LIMIT = 1000;

  private final StreamConsumer consumer;
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final String shardId;
  private final ShardIteratorType start;
  private final BatchDelivery delivery;
  private final List<Record> buffer = new ArrayList<>();
  private String lastRead;
  private String iterator;
  private long lastRecordAt = System.nanoTime();

  /** When the last poll began that found nothing to read, with nothing read left to deliver ({@link #quietSince}). */
  private volatile long quietPollStartedAt = Long.MIN_VALUE;

  private volatile boolean finished;

  ShardConsumer(
      StreamConsumer consumer,
      DynamoDbStreamsClient streams,
      String streamArn,
      String shardId,
      ShardIteratorType start) {
    this.consumer = consumer;
    this.streams = streams;
    this.streamArn = streamArn;
    this.shardId = shardId;
    this.start = start;
    this.delivery = new BatchDelivery(consumer, shardId);
    // Taken now, on the caller's thread: a LATEST consumer sees every write made once it has
    // started.
    this.iterator = iterator(start, null);
  }

  /** Reads and delivers until the shard is finished (returns) or the thread is interrupted. */
  void run() throws InterruptedException {
    int batchSize = consumer.source().batchSize();
    Duration window = consumer.source().batchingWindow();
    while (true) {
      long firstSeen = 0;
      while (iterator != null && buffer.size() < batchSize) {
        if (!buffer.isEmpty()) {
          firstSeen = firstSeen == 0 ? System.nanoTime() : firstSeen;
          if (System.nanoTime() - firstSeen >= window.toNanos()) {
            break;
          }
        }
        GetRecordsResponse read;
        long pollStartedAt = System.nanoTime();
        try {
          String current = iterator;
          read = streams.getRecords(request -> request.shardIterator(current).limit(READ_LIMIT));
        } catch (ExpiredIteratorException | TrimmedDataAccessException stale) {
          // Iterators last 15 minutes; records the stream trimmed are gone: go on after the last
          // record read, or
          // from the oldest one left, as Lambda does.
          iterator =
              lastRead != null && stale instanceof ExpiredIteratorException
                  ? iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, lastRead)
                  : iterator(ShardIteratorType.TRIM_HORIZON, null);
          Thread.sleep(POLL_MILLIS);
          continue;
        }
        // Stamped as soon as read: DynamoDB Local's own time of a record is only its minute.
        read.records().forEach(record -> buffer.add(consumer.times().stamp(record)));
        if (read.hasRecords() && !read.records().isEmpty()) {
          lastRead = read.records().getLast().dynamodb().sequenceNumber();
          lastRecordAt = System.nanoTime();
        }
        iterator = read.nextShardIterator();
        if (read.records().isEmpty() && buffer.isEmpty()) {
          quietPollStartedAt = pollStartedAt;
        }
        if (read.records().isEmpty() && iterator != null) {
          int pace =
              System.nanoTime() - lastRecordAt > 1_000_000_000L ? IDLE_POLL_MILLIS : POLL_MILLIS;
          long left =
              firstSeen == 0
                  ? pace
                  : (window.toNanos() - (System.nanoTime() - firstSeen)) / 1_000_000;
          Thread.sleep(Math.max(1, Math.min(pace, left)));
        }
      }
      if (buffer.isEmpty()) {
        if (iterator == null) {
          finished = true;
          return;
        }
        continue;
      }
      List<Record> batch = List.copyOf(buffer.subList(0, Math.min(batchSize, buffer.size())));
      delivery.deliver(batch);
      buffer.subList(0, batch.size()).clear();
    }
  }

  /**
   * Whether the shard has been read to its end since {@code nanoTime} ({@link System#nanoTime()}): a poll that began
   * then found no record, with every record before it delivered (or discarded), or the shard is finished.
   */
  boolean quietSince(long nanoTime) {
    return finished || quietPollStartedAt - nanoTime >= 0;
  }

  private String iterator(ShardIteratorType type, String sequenceNumber) {
    return streams
        .getShardIterator(
            request ->
                request
                    .streamArn(streamArn)
                    .shardId(shardId)
                    .shardIteratorType(type)
                    .sequenceNumber(sequenceNumber))
        .shardIterator();
  }
}

package dev.catalog.local.events.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The time of each stream record, {@code dynamodb.ApproximateCreationDateTime}, as DynamoDB gives it: when the change
 * was made, rounded down to the second. DynamoDB Local rounds it down to the minute (it keeps the time in
 * milliseconds and hands out whole minutes), so a change made at 12:00:59 would read as made at 12:00:00: a delete's
 * time (a delete's {@code occurredAt} has no other source), a record's age and the on-failure record's arrival times
 * would all be up to a minute early. So the records are stamped instead with the time they were first read from the
 * stream, to the second: never before the change, and after it by no more than a poll of the shard (at most
 * {@value ShardConsumer#IDLE_POLL_MILLIS} ms, more on a loaded machine).
 *
 * <p>One instance is shared by every reader of the tool's streams, so a record read by two consumers (the feed's
 * fan-out and the product events, on the products table) has one time in both, as in AWS: the first reader's.
 */
public final class RecordTimes {
  /** Records whose time is kept for the other readers: one 100,000 records behind another re-stamps what it reads. */
  private static final int KEPT = 100_000;

  private final Clock clock;
  private final Map<String, Instant> stamped =
      new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > KEPT;
        }
      };

  /** @param clock the clock of the records' times: the real one, whatever the clock Lambda's side runs on */
  public RecordTimes(Clock clock) {
    this.clock = clock;
  }

  /**
   * The time to give a record DynamoDB's stream dated {@code dynamodb} (null when absent), first read at
   * {@code observed}. A time with seconds in it is kept: its stream rounds to the second, as DynamoDB does. A whole
   * minute is taken for DynamoDB Local's rounding, and replaced by the time observed, to the second, when that is
   * within the minute: a record first read more than a minute later (a stream read from its start when the tool
   * starts) keeps DynamoDB Local's minute, the closest time known.
   */
  public static Instant approximateCreation(Instant dynamodb, Instant observed) {
    Instant second = observed.truncatedTo(ChronoUnit.SECONDS);
    if (dynamodb == null) {
      return second;
    }
    if (!dynamodb.equals(dynamodb.truncatedTo(ChronoUnit.MINUTES))) {
      return dynamodb;
    }
    return observed.isBefore(dynamodb.plus(Duration.ofMinutes(1))) && !second.isBefore(dynamodb)
        ? second
        : dynamodb;
  }

  /** The record with its time: the one it was given when another reader read it first, else the one it gets now. */
  public Record stamp(Record record) {
    Instant time;
    synchronized (stamped) {
      time =
          stamped.computeIfAbsent(
              record.eventID(),
              id ->
                  approximateCreation(
                      record.dynamodb().approximateCreationDateTime(), clock.instant()));
    }
    return record.toBuilder()
        .dynamodb(record.dynamodb().toBuilder().approximateCreationDateTime(time).build())
        .build();
  }
}

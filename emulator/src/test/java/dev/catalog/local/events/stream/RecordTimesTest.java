package dev.catalog.local.events.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The time a stream record is dated with: DynamoDB's to the second, or the second it was read at where DynamoDB Local
 * gave only its minute; one time per record, whoever reads it.
 */
class RecordTimesTest {
  static final Instant MINUTE = Instant.parse("2026-11-28T20:00:00Z");

  @Test
  void aTimeRoundedDownToTheMinuteIsReplacedByTheSecondTheRecordWasReadAt() {
    assertEquals(
        Instant.parse("2026-11-28T20:00:41Z"),
        RecordTimes.approximateCreation(MINUTE, Instant.parse("2026-11-28T20:00:41.730Z")));
    assertEquals(
        MINUTE, RecordTimes.approximateCreation(MINUTE, Instant.parse("2026-11-28T20:00:00.120Z")));
  }

  @Test
  void aTimeWithSecondsIsKeptAsTheStreamGaveIt() {
    Instant dynamodb = Instant.parse("2026-11-28T20:00:41Z");
    assertEquals(
        dynamodb,
        RecordTimes.approximateCreation(dynamodb, Instant.parse("2026-11-28T20:00:42.310Z")));
  }

  @Test
  void aRecordFirstReadMoreThanAMinuteAfterItsMinuteKeepsThatMinuteTheClosestTimeKnown() {
    assertEquals(
        MINUTE, RecordTimes.approximateCreation(MINUTE, Instant.parse("2026-11-28T20:03:10Z")));
    assertEquals(MINUTE, RecordTimes.approximateCreation(MINUTE, MINUTE.plusSeconds(60)));
  }

  @Test
  void aRecordWithoutATimeIsDatedWhenRead() {
    assertEquals(
        Instant.parse("2026-11-28T20:00:41Z"),
        RecordTimes.approximateCreation(null, Instant.parse("2026-11-28T20:00:41.730Z")));
  }

  @Test
  void everyReaderOfARecordGetsTheTimeItsFirstReaderDatedItWith() {
    ShiftedClock clock = new ShiftedClock();
    RecordTimes times = new RecordTimes(clock);
    Instant first = times.stamp(record("event-1")).dynamodb().approximateCreationDateTime();
    clock.shift(Duration.ofSeconds(5));

    assertEquals(first, times.stamp(record("event-1")).dynamodb().approximateCreationDateTime());
    Instant other = times.stamp(record("event-2")).dynamodb().approximateCreationDateTime();
    assertTrue(!other.isBefore(first.plusSeconds(4)), () -> first + " then " + other);
    assertEquals(other, other.truncatedTo(ChronoUnit.SECONDS));
  }

  static Record record(String eventId) {
    return Record.builder()
        .eventID(eventId)
        .eventName("INSERT")
        .dynamodb(change -> change.sequenceNumber("000000000000000000001"))
        .build();
  }
}

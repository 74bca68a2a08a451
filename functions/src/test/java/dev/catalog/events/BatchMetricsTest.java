package dev.catalog.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The stream batch line: its request id, its timestamp in the one form of every log line, its retry count. */
class BatchMetricsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theLineHasTheRequestIdAndATimestampWithThreeFractionDigitsOnAWholeSecondToo()
      throws Exception {
    long wholeSecond = Instant.parse("2026-11-24T17:30:00Z").toEpochMilli();
    JsonNode line =
        JSON.readTree(
            new BatchMetrics().format("req-9", null, false, System.nanoTime(), wholeSecond));

    assertEquals("2026-11-24T17:30:00.000Z", line.path("timestamp").asText());
    assertEquals(wholeSecond, line.path("_aws").path("Timestamp").asLong());
    assertEquals("req-9", line.path("requestId").asText());
  }

  @Test
  void publishRetriesAddUpEveryAttemptAfterEachEventsFirst() throws Exception {
    BatchMetrics metrics = new BatchMetrics();
    metrics.retries(0);
    metrics.retries(2);
    metrics.retries(1);

    assertEquals(3, metrics.counts().get("PublishRetries"));
  }
}

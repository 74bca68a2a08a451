package dev.catalog.local.events.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One invocation of a stream consumer, kept for tests: the batch sent and how it ended.
 *
 * @param function the function invoked
 * @param shardId the shard the batch came from
 * @param event the {@code DynamodbEvent} sent
 * @param outcome how the invocation ended
 * @param reported the sequence numbers the function reported as failed (a partial failure), else empty
 */
public record StreamInvocation(
    String function, String shardId, JsonNode event, Outcome outcome, List<String> reported) {

  /** How an invocation ended, for its batch. */
  public enum Outcome {
    SUCCESS,
    PARTIAL_FAILURE,
    MALFORMED_RESPONSE,
    FUNCTION_ERROR
  }

  /** The batch's records' sequence numbers, in order. */
  public List<String> sequenceNumbers() {
    return event
        .path("Records")
        .valueStream()
        .map(record -> record.path("dynamodb").path("SequenceNumber").asText())
        .toList();
  }

  /** A string key attribute of each record of the batch, e.g. {@code keys("id")}, in order. */
  public List<String> keys(String attribute) {
    return event
        .path("Records")
        .valueStream()
        .map(record -> record.path("dynamodb").path("Keys").path(attribute).path("S").asText())
        .toList();
  }

  /** The batch's records' eventIDs, in order. */
  public List<String> eventIds() {
    return event
        .path("Records")
        .valueStream()
        .map(record -> record.path("eventID").asText())
        .toList();
  }
}

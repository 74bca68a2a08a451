package dev.catalog.local.events.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The invocation record Lambda sends a stream consumer's on-failure destination for a batch it discards: which
 * function and why ({@code requestContext.condition}: {@code RetryAttemptsExhausted} or {@code RecordAgeExceeded}),
 * how its last invocation ended ({@code responseContext}), and where the records are ({@code DDBStreamBatchInfo}:
 * shard, first and last sequence numbers, their approximate arrival times, batch size, stream ARN). The records
 * themselves are not in it, as in Lambda: a consumer of the destination reads them from the stream.
 *
 * @param destination the destination's ARN, or null when the event source has none (the batch is only dropped)
 * @param function the function's logical id
 * @param json the record, as Lambda writes it
 */
public record OnFailureRecord(String destination, String function, JsonNode json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why a batch is discarded. */
  enum Condition {
    RetryAttemptsExhausted,
    RecordAgeExceeded
  }

  static OnFailureRecord of(
      StreamEventSource source,
      String functionArn,
      String shardId,
      String streamArn,
      List<Record> batch,
      Condition condition,
      int invocations,
      boolean functionError,
      Instant now) {
    ObjectNode json = JSON.createObjectNode();
    ObjectNode request = json.putObject("requestContext");
    request.put("requestId", UUID.randomUUID().toString());
    request.put("functionArn", functionArn);
    request.put("condition", condition.name());
    request.put("approximateInvokeCount", invocations);
    ObjectNode response = json.putObject("responseContext");
    response.put("statusCode", 200);
    response.put("executedVersion", "$LATEST");
    if (functionError) {
      response.put("functionError", "Unhandled");
    }
    json.put("version", "1.0");
    json.put("timestamp", now.toString());
    ObjectNode info = json.putObject("DDBStreamBatchInfo");
    info.put("shardId", shardId);
    info.put("startSequenceNumber", batch.getFirst().dynamodb().sequenceNumber());
    info.put("endSequenceNumber", batch.getLast().dynamodb().sequenceNumber());
    info.put(
        "approximateArrivalOfFirstRecord",
        String.valueOf(batch.getFirst().dynamodb().approximateCreationDateTime()));
    info.put(
        "approximateArrivalOfLastRecord",
        String.valueOf(batch.getLast().dynamodb().approximateCreationDateTime()));
    info.put("batchSize", batch.size());
    info.put("streamArn", streamArn);
    return new OnFailureRecord(source.onFailure(), source.function(), json);
  }

  /** {@code DDBStreamBatchInfo}'s field, e.g. {@code batchInfo("startSequenceNumber")}. */
  public String batchInfo(String field) {
    return json.path("DDBStreamBatchInfo").path(field).asText();
  }

  /** {@code requestContext.condition}. */
  public String condition() {
    return json.path("requestContext").path("condition").asText();
  }
}

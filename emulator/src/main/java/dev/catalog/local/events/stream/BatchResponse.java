package dev.catalog.local.events.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a function's answer means for its batch under {@code ReportBatchItemFailures}, as Lambda reads it: an empty or
 * null answer, an empty or null {@code batchItemFailures}, is success; a list of {@code itemIdentifier}s, each a
 * sequence number of the batch, is a partial failure retried from the lowest of them; anything else (not JSON, an
 * identifier that is empty or of no record of the batch) fails the whole batch. Without the setting, any answer is
 * success.
 */
sealed interface BatchResponse {
  ObjectMapper JSON = new ObjectMapper();

  /** Every record processed. */
  record Success() implements BatchResponse {}

  /** Retry from {@code from}, the lowest sequence number reported, on. */
  record Partial(String from, List<String> reported) implements BatchResponse {}

  /** The whole batch failed, for {@code reason}. */
  record Malformed(String reason) implements BatchResponse {}

  /** The function threw, or ran past its Timeout: the whole batch failed, and may be split. */
  record FunctionError(String reason) implements BatchResponse {}

  static BatchResponse read(
      byte[] payload, Set<String> sequenceNumbers, boolean reportBatchItemFailures) {
    if (!reportBatchItemFailures) {
      return new Success();
    }
    JsonNode response;
    try {
      response = payload.length == 0 ? null : JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      return new Malformed("the response is not JSON");
    } catch (IOException e) {
      return new Malformed("the response cannot be read: " + e.getMessage());
    }
    if (response == null || response.isNull() || response.isObject() && response.isEmpty()) {
      return new Success();
    }
    if (!response.isObject()) {
      return new Malformed("the response is not a JSON object");
    }
    JsonNode failures = response.get("batchItemFailures");
    if (failures == null || failures.isNull() || failures.isArray() && failures.isEmpty()) {
      return new Success();
    }
    if (!failures.isArray()) {
      return new Malformed("batchItemFailures is not a list");
    }
    List<String> reported = new ArrayList<>();
    for (JsonNode failure : failures) {
      JsonNode identifier = failure.path("itemIdentifier");
      if (!identifier.isTextual() || !sequenceNumbers.contains(identifier.asText())) {
        return new Malformed(
            "itemIdentifier " + identifier + " is no sequence number of the batch");
      }
      reported.add(identifier.asText());
    }
    return new Partial(
        reported.stream().min(Comparator.comparing(BigInteger::new)).orElseThrow(), reported);
  }
}

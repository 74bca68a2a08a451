package dev.catalog.local.events.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A function's answer under ReportBatchItemFailures is read as Lambda reads it. */
class BatchResponseTest {
  static final Set<String> BATCH = Set.of("900", "1000", "1100");

  static BatchResponse read(String payload) {
    return BatchResponse.read(payload.getBytes(StandardCharsets.UTF_8), BATCH, true);
  }

  @Test
  void nothingNullAnEmptyObjectOrAnEmptyOrNullListIsSuccess() {
    for (String payload :
        List.of(
            "",
            "null",
            "{}",
            "{\"batchItemFailures\": []}",
            "{\"batchItemFailures\": null}",
            "{\"other\": 1}")) {
      assertInstanceOf(BatchResponse.Success.class, read(payload), payload);
    }
  }

  @Test
  void reportedRecordsAreAPartialFailureRetriedFromTheLowestSequenceNumberByValueNotSpelling() {
    BatchResponse response =
        read(
            "{\"batchItemFailures\": [{\"itemIdentifier\": \"1100\"},"
                + " {\"itemIdentifier\": \"900\"}]}");
    assertEquals(new BatchResponse.Partial("900", List.of("1100", "900")), response);
  }

  @Test
  void anythingElseFailsTheWholeBatch() {
    for (String payload :
        List.of(
            "not json",
            "\"ok\"",
            "[]",
            "{\"batchItemFailures\": \"900\"}",
            "{\"batchItemFailures\": [{\"itemIdentifier\": \"\"}]}",
            "{\"batchItemFailures\": [{\"itemIdentifier\": null}]}",
            "{\"batchItemFailures\": [{\"id\": \"900\"}]}",
            "{\"batchItemFailures\": [{\"itemIdentifier\": \"42\"}]}",
            "{\"batchItemFailures\": [{\"itemIdentifier\": 900}]}")) {
      assertInstanceOf(BatchResponse.Malformed.class, read(payload), payload);
    }
  }

  @Test
  void withoutReportBatchItemFailuresAnyAnswerIsSuccess() {
    assertInstanceOf(
        BatchResponse.Success.class,
        BatchResponse.read(
            "{\"batchItemFailures\": [{\"itemIdentifier\": \"900\"}]}"
                .getBytes(StandardCharsets.UTF_8),
            BATCH,
            false));
    assertInstanceOf(
        BatchResponse.Success.class,
        BatchResponse.read("garbage".getBytes(StandardCharsets.UTF_8), BATCH, false));
  }
}

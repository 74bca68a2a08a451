package dev.catalog.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.testing.CapturedOutput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failure lines: one JSON object each, with the invocation's request id and the one timestamp form. */
class LogTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String FORM = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  static List<JsonNode> lines(Runnable logging) throws Exception {
    List<String> text;
    try (CapturedOutput output = CapturedOutput.start()) {
      logging.run();
      text = output.lines();
    }
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : text) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void aTimestampHasExactlyThreeFractionDigitsInUtcWhateverTheInstant() {
    assertEquals(
        "2026-11-24T17:30:00.000Z",
        Log.timestamp(Instant.parse("2026-11-24T17:30:00Z").toEpochMilli()));
    assertEquals(
        "2026-11-24T17:30:00.120Z",
        Log.timestamp(Instant.parse("2026-11-24T17:30:00.12Z").toEpochMilli()));
    assertEquals("1970-01-01T00:00:00.001Z", Log.timestamp(1));
  }

  @Test
  void aWarningOfAnInvocationCarriesItsRequestIdAndTheExceptionButNoStackTrace() throws Exception {
    List<JsonNode> lines =
        lines(() -> Log.warning("Retrying", "req-7", new IllegalStateException("busy")));

    assertEquals(1, lines.size());
    JsonNode line = lines.get(0);
    assertEquals("WARN", line.path("level").asText());
    assertEquals("Retrying", line.path("message").asText());
    assertEquals("req-7", line.path("requestId").asText());
    assertEquals("java.lang.IllegalStateException: busy", line.path("error").asText());
    assertFalse(line.has("stackTrace"));
    assertTrue(line.path("timestamp").asText().matches(FORM), line::toString);
  }

  @Test
  void everyFailureLineHasTheTimestampFormOfTheRequestLines() throws Exception {
    List<JsonNode> lines =
        lines(
            () -> {
              Log.warning("outside any invocation", new IllegalStateException("priming"));
              Log.error("Unexpected failure", "req-8", new IllegalStateException("boom"));
            });

    assertEquals(2, lines.size());
    for (JsonNode line : lines) {
      assertTrue(line.path("timestamp").asText().matches(FORM), line::toString);
    }
    assertFalse(lines.get(0).has("requestId"));
    assertEquals("req-8", lines.get(1).path("requestId").asText());
  }
}

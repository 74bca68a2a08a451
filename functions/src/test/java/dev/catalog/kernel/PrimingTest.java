package dev.catalog.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A function's priming runs what it primes before the snapshot; whatever fails is one warning, never a failure. */
class PrimingTest {
  @Test
  void theWorkRunsOnceBeforeTheCheckpointAndNothingAfterTheRestore() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Priming priming = new Priming(runs::incrementAndGet);
    List<JsonNode> lines =
        LogTest.lines(
            () -> {
              priming.beforeCheckpoint(null);
              priming.afterRestore(null);
            });
    assertEquals(1, runs.get());
    assertEquals(List.of(), lines);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unchecked", "checked", "linkage"})
  void aFailureOfAnyKindIsOneWarningLineWithoutStackTraceAndTheSnapshotGoesAhead(String kind)
      throws Exception {
    Priming priming =
        new Priming(
            () -> {
              switch (kind) {
                case "unchecked" -> throw new IllegalStateException("denied");
                case "checked" -> throw new IOException("denied");
                default -> throw new NoClassDefFoundError("denied");
              }
            });
    List<JsonNode> lines = LogTest.lines(() -> priming.beforeCheckpoint(null));
    assertEquals(1, lines.size(), lines::toString);
    JsonNode line = lines.getFirst();
    assertEquals("WARN", line.path("level").asText());
    assertEquals(
        "SnapStart priming skipped; the snapshot is taken without it",
        line.path("message").asText());
    assertFalse(line.has("stackTrace"), line::toString);
  }
}

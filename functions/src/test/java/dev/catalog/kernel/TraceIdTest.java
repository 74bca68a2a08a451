package dev.catalog.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The trace id is the Root of the trace header Lambda hands the invocation. */
class TraceIdTest {
  @Test
  void theTraceIdIsTheRootFieldOfTheHeader() {
    assertEquals(
        "1-5759e988-bd862e3fe1be46a994272793",
        TraceId.root("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
  }

  @Test
  void aHeaderWithoutRootGivesNoTraceId() {
    assertNull(TraceId.root("Parent=53995c3f42cd8ad8;Sampled=1"));
  }
}

package dev.catalog.kernel.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself refuses what the EMF specification refuses, so a passing check means something. */
class EmfSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode record(int metrics, int dimensions) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode directive =
        root.putObject("_aws")
            .put("Timestamp", 1_700_000_000_000L)
            .putArray("CloudWatchMetrics")
            .addObject()
            .put("Namespace", "ProductsApi/test");
    ArrayNode set = directive.putArray("Dimensions").addArray();
    for (int i = 0; i < dimensions; i++) {
      set.add("d" + i);
      root.put("d" + i, "v");
    }
    ArrayNode definitions = directive.putArray("Metrics");
    for (int i = 0; i < metrics; i++) {
      definitions.addObject().put("Name", "m" + i).put("Unit", "Count");
      root.put("m" + i, 1);
    }
    return root;
  }

  @Test
  void aRecordAtTheLimitsIsValid() {
    assertEquals(List.of(), EmfSpec.violations(record(100, 30)));
  }

  @Test
  void moreThan100MetricsOrMoreThan30DimensionsInADirectiveAreRefused() {
    assertEquals(1, EmfSpec.violations(record(101, 1)).size());
    assertEquals(1, EmfSpec.violations(record(1, 31)).size());
  }

  @Test
  void aMetricWithoutANumericValueOrWithAnUnknownUnitIsRefused() {
    ObjectNode root = record(2, 1);
    root.put("m0", "1");
    ((ObjectNode) root.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(1))
        .put("Unit", "Requests");
    assertEquals(2, EmfSpec.violations(root).size());
  }

  @Test
  void aDimensionWithoutAStringValueAndAMissingAwsObjectAreRefused() {
    ObjectNode root = record(1, 2);
    root.remove("d1");
    assertEquals(1, EmfSpec.violations(root).size());
    assertTrue(EmfSpec.violations(JSON.createObjectNode().put("m0", 1)).contains("no _aws object"));
  }
}

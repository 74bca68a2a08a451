package dev.catalog.kernel.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CloudWatch Embedded Metric Format specification as a checker: the {@code _aws} metadata object, its
 * {@code Timestamp} and {@code CloudWatchMetrics} directives, each with a {@code Namespace}, {@code Dimensions}
 * (arrays of at most 30 names of string members) and {@code Metrics} (at most 100 definitions, each naming a member
 * that holds a number or an array of at most 100 numbers, with a unit of the specification's list).
 */
public final class EmfSpec {
  static final int MAX_DIMENSIONS = 30;
  static final int MAX_METRICS = 100;
  static final int MAX_VALUES = 100;
  private static final Pattern NAMESPACE = Pattern.compile("[.\\-_/#:A-Za-z0-9 ]{1,255}");
  private static final Set<String> UNITS =
      Set.of(
          "Seconds",
          "Microseconds",
          "Milliseconds",
          "Bytes",
          "Kilobytes",
          "Megabytes",
          "Gigabytes",
          "Terabytes",
          "Bits",
          "Kilobits",
          "Megabits",
          "Gigabits",
          "Terabits",
          "Percent",
          "Count",
          "Bytes/Second",
          "Kilobytes/Second",
          "Megabytes/Second",
          "Gigabytes/Second",
          "Terabytes/Second",
          "Bits/Second",
          "Kilobits/Second",
          "Megabits/Second",
          "Gigabits/Second",
          "Terabits/Second",
          "Count/Second",
          "None");

  private EmfSpec() {}

  /** Every way {@code root} breaks the specification; empty when it is a valid EMF record. */
  public static List<String> violations(JsonNode root) {
    List<String> violations = new ArrayList<>();
    JsonNode aws = root.path("_aws");
    if (!aws.isObject()) {
      return List.of("no _aws object");
    }
    if (!aws.path("Timestamp").isIntegralNumber() || aws.path("Timestamp").asLong() <= 0) {
      violations.add("_aws.Timestamp is not a positive integer of milliseconds");
    }
    JsonNode directives = aws.path("CloudWatchMetrics");
    if (!directives.isArray() || directives.isEmpty()) {
      violations.add("_aws.CloudWatchMetrics is not a non-empty array");
      return violations;
    }
    for (JsonNode directive : directives) {
      directive(root, directive, violations);
    }
    return violations;
  }

  private static void directive(JsonNode root, JsonNode directive, List<String> violations) {
    if (!directive.path("Namespace").isTextual()
        || !NAMESPACE.matcher(directive.path("Namespace").asText()).matches()) {
      violations.add("Namespace missing or invalid: " + directive.path("Namespace"));
    }
    JsonNode dimensions = directive.path("Dimensions");
    if (!dimensions.isArray()) {
      violations.add("Dimensions is not an array");
    } else {
      for (JsonNode set : dimensions) {
        if (!set.isArray() || set.size() > MAX_DIMENSIONS) {
          violations.add(
              "a dimension set is not an array of at most " + MAX_DIMENSIONS + " names: " + set);
          continue;
        }
        for (JsonNode name : set) {
          JsonNode value = root.path(name.asText());
          if (!name.isTextual()
              || !value.isTextual()
              || value.asText().isEmpty()
              || value.asText().length() > 1024) {
            violations.add("dimension " + name + " has no string value at the top level");
          }
        }
      }
    }
    JsonNode metrics = directive.path("Metrics");
    if (!metrics.isArray() || metrics.size() > MAX_METRICS) {
      violations.add("Metrics is not an array of at most " + MAX_METRICS + " definitions");
      return;
    }
    for (JsonNode metric : metrics) {
      String name = metric.path("Name").asText("");
      if (!metric.path("Name").isTextual() || name.isEmpty() || name.length() > 255) {
        violations.add("a metric has no valid Name: " + metric);
        continue;
      }
      if (metric.has("Unit") && !UNITS.contains(metric.path("Unit").asText())) {
        violations.add("metric " + name + " has an unknown unit " + metric.path("Unit"));
      }
      if (metric.has("StorageResolution")
          && !Set.of(1, 60).contains(metric.path("StorageResolution").asInt(-1))) {
        violations.add("metric " + name + " has a StorageResolution other than 1 or 60");
      }
      if (!isMetricValue(root.path(name))) {
        violations.add("metric " + name + " has no numeric value at the top level");
      }
    }
  }

  private static boolean isMetricValue(JsonNode value) {
    if (value.isNumber()) {
      return true;
    }
    if (!value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
      return false;
    }
    for (JsonNode element : value) {
      if (!element.isNumber()) {
        return false;
      }
    }
    return true;
  }
}

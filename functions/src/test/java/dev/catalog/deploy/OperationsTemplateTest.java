package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.events.stream.StreamEventSource;
import dev.catalog.local.events.stream.TemplateStreamSources;
import dev.catalog.template.Intrinsic;
import dev.catalog.template.NestedApplication;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.DynamoDbLocal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The operations side of template.yaml: an alarm for every function, table and the API, each on the alarm topic with
 * a threshold taken from a parameter that has a default, the dashboard graphing all of them, and the API's access
 * log. The alarms, their topic and the dashboard are in the nested application Operations (operations.yaml), which
 * sees the application only through the values template.yaml passes it: they are read in template.yaml's terms
 * ({@link NestedApplication#inParentTerms}), so a function or table is watched only if its own name is passed.
 */
class OperationsTemplateTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(DynamoDbLocal.TEMPLATE);
  static final NestedApplication OPERATIONS = TEMPLATE.application("Operations");
  static final String ALARM = "AWS::CloudWatch::Alarm";

  /** The resources of operations.yaml, by logical id, with their properties in template.yaml's terms. */
  static Map<String, Map<?, ?>> operations(String type) {
    Map<String, Map<?, ?>> found = new LinkedHashMap<>();
    OPERATIONS.template().resources().values().stream()
        .filter(r -> r.type().equals(type))
        .forEach(
            r -> found.put(r.logicalId(), (Map<?, ?>) OPERATIONS.inParentTerms(r.properties())));
    return found;
  }

  private static List<Map<?, ?>> alarms() {
    return List.copyOf(operations(ALARM).values());
  }

  /** The metric names of alarms on {@code namespace} whose dimension {@code dimension} refers to {@code logicalId}. */
  private static Set<String> alarmedMetrics(String namespace, String dimension, Object value) {
    Set<String> metrics = new TreeSet<>();
    for (Map<?, ?> alarm : alarms()) {
      if (alarm.get("Metrics") instanceof List<?> queries) {
        for (Object query : queries) {
          if (((Map<?, ?>) query).get("MetricStat") instanceof Map<?, ?> stat) {
            Map<?, ?> metric = (Map<?, ?>) stat.get("Metric");
            if (namespace.equals(metric.get("Namespace"))
                && hasDimension(metric, dimension, value)) {
              metrics.add(metric.get("MetricName").toString());
            }
          }
        }
      } else if (namespace.equals(alarm.get("Namespace"))
          && hasDimension(alarm, dimension, value)) {
        metrics.add(alarm.get("MetricName").toString());
      }
    }
    return metrics;
  }

  private static boolean hasDimension(Map<?, ?> metric, String name, Object value) {
    return metric.get("Dimensions") instanceof List<?> dimensions
        && dimensions.stream()
            .map(d -> (Map<?, ?>) d)
            .anyMatch(d -> name.equals(d.get("Name")) && Objects.equals(value, d.get("Value")));
  }

  @Test
  void everyFunctionHasAnErrorsAThrottlesAndADurationAlarm() {
    assertTrue(
        TEMPLATE
            .functions()
            .keySet()
            .containsAll(
                Set.of(
                    "CreateProductFunction",
                    "FeedFanOutFunction",
                    "ProductEventsFunction",
                    "FeedAuthorizerFunction")));
    for (String function : TEMPLATE.functions().keySet()) {
      Set<String> expected = new TreeSet<>(Set.of("Duration", "Errors", "Throttles"));
      if (consumesAStream(function)) {
        expected.add("IteratorAge");
      }
      assertEquals(
          expected,
          alarmedMetrics("AWS/Lambda", "FunctionName", new Intrinsic(Intrinsic.REF, function)),
          function);
    }
  }

  /** The template's stream consumers (its event source mappings of a table's stream), as the local tool reads them. */
  static final List<StreamEventSource> STREAM_CONSUMERS =
      TemplateStreamSources.read(TEMPLATE, TEMPLATE.resolver().build());

  /** Whether an event source mapping of a table's stream invokes the function. */
  private static boolean consumesAStream(String function) {
    return STREAM_CONSUMERS.stream().anyMatch(source -> source.function().equals(function));
  }

  @Test
  void everyStreamConsumersFailureQueueHasAnAlarm() {
    assertFalse(STREAM_CONSUMERS.isEmpty());
    for (StreamEventSource source : STREAM_CONSUMERS) {
      Map<?, ?> onFailure =
          (Map<?, ?>)
              ((Map<?, ?>)
                      TEMPLATE
                          .resources()
                          .get(source.mapping())
                          .properties()
                          .get("DestinationConfig"))
                  .get("OnFailure");
      Intrinsic queueArn = (Intrinsic) onFailure.get("Destination");
      String queue = ((List<?>) queueArn.argument()).get(0).toString();
      assertEquals(
          Set.of("ApproximateNumberOfMessagesVisible"),
          alarmedMetrics(
              "AWS/SQS",
              "QueueName",
              new Intrinsic(Intrinsic.GET_ATT, List.of(queue, "QueueName"))),
          queue);
    }
  }

  @Test
  void everyTableHasThrottleAndSystemErrorAlarms() {
    for (String table : TEMPLATE.tables().keySet()) {
      assertEquals(
          Set.of("ReadThrottleEvents", "SystemErrors", "WriteThrottleEvents"),
          alarmedMetrics("AWS/DynamoDB", "TableName", new Intrinsic(Intrinsic.REF, table)),
          table);
    }
  }

  @Test
  void theApiHasA5xxRateAndAP99LatencyAlarm() {
    Intrinsic apiName = new Intrinsic(Intrinsic.SUB, "${AWS::StackName}-products");
    assertEquals(
        Set.of("5XXError", "Latency"), alarmedMetrics("AWS/ApiGateway", "ApiName", apiName));
    assertTrue(
        alarms().stream()
            .anyMatch(
                a ->
                    "Average".equals(a.get("Statistic")) && "5XXError".equals(a.get("MetricName"))),
        "the 5XX alarm is on the rate (average), not the count");
    assertTrue(alarms().stream().anyMatch(a -> "p99".equals(a.get("ExtendedStatistic"))));
  }

  @Test
  void everyAlarmNotifiesTheAlarmTopicWithAThresholdFromAParameterWithADefault() {
    Intrinsic topic = new Intrinsic(Intrinsic.REF, "AlarmTopic");
    for (Map<?, ?> alarm : alarms()) {
      assertEquals(
          List.of(topic), alarm.get("AlarmActions"), alarm.get("AlarmDescription").toString());
      Intrinsic threshold = assertInstanceOf(Intrinsic.class, alarm.get("Threshold"));
      String parameter = threshold.argument().toString();
      assertTrue(TEMPLATE.parameters().get(parameter).defaultValue().isPresent(), parameter);
    }
    assertEquals(Resource.TOPIC, OPERATIONS.template().resources().get("AlarmTopic").type());
    assertTrue(OPERATIONS.template().resources().containsKey("AlarmEmailSubscription"));
  }

  @Test
  void theDashboardGraphsEveryFunctionEveryTableTheApiAndTheBusinessMetrics() {
    List<Map<?, ?>> dashboards = List.copyOf(operations("AWS::CloudWatch::Dashboard").values());
    assertEquals(1, dashboards.size());
    String body = ((Intrinsic) dashboards.get(0).get("DashboardBody")).argument().toString();
    for (String function : TEMPLATE.functions().keySet()) {
      for (String metric : List.of("Errors", "Throttles", "Duration")) {
        assertTrue(
            body.contains("\"" + metric + "\"") && body.contains("${" + function + "}"), function);
      }
    }
    for (String table : TEMPLATE.tables().keySet()) {
      assertTrue(body.contains("${" + table + "}"), table);
    }
    for (String metric :
        List.of(
            "5XXError",
            "Latency",
            "Requests",
            "ProductsCreated",
            "ProductsUpdated",
            "ProductsDeleted",
            "ValidationFailures",
            "PreconditionFailures",
            "IdempotentReplays",
            "ConditionalWriteRetries",
            "RetriedWritesRecognised",
            "ColdStarts",
            "ReadThrottleEvents",
            "WriteThrottleEvents",
            "SystemErrors")) {
      assertTrue(body.contains(metric), metric);
    }
  }

  @Test
  void theDashboardShowsTheStateOfEveryAlarm() {
    String body =
        operations("AWS::CloudWatch::Dashboard").values().stream()
            .map(dashboard -> ((Intrinsic) dashboard.get("DashboardBody")).argument().toString())
            .findFirst()
            .orElseThrow();
    assertTrue(body.contains("\"type\": \"alarm\""), "an alarm-status widget");
    assertFalse(operations(ALARM).isEmpty());
    operations(ALARM)
        .keySet()
        .forEach(name -> assertTrue(body.contains("\"${" + name + ".Arn}\""), name));
  }

  @Test
  void theApiWritesJsonAccessLogsToALogGroupWithRetention() {
    Map<?, ?> api = TEMPLATE.resources().get("ProductsApi").properties();
    Map<?, ?> setting = (Map<?, ?>) api.get("AccessLogSetting");
    assertEquals(
        new Intrinsic(Intrinsic.GET_ATT, List.of("ApiAccessLogGroup", "Arn")),
        setting.get("DestinationArn"));
    String format = setting.get("Format").toString();
    assertTrue(
        format.contains("\"requestId\":\"$context.requestId\"")
            && format.contains("$context.xrayTraceId"));
    assertTrue(
        !format.contains("sourceIp") && !format.contains("userAgent"),
        "no client address or agent");
    Map<?, ?> group = TEMPLATE.resources().get("ApiAccessLogGroup").properties();
    assertEquals(new Intrinsic(Intrinsic.REF, "LogRetentionDays"), group.get("RetentionInDays"));
  }
}

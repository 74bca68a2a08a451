package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.feed.fanout.FanOut;
import dev.catalog.local.events.schedule.ScheduleSource;
import dev.catalog.local.events.schedule.TemplateSchedules;
import dev.catalog.local.iam.FunctionPolicy;
import dev.catalog.local.iam.Statement;
import dev.catalog.template.Intrinsic;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import dev.catalog.template.TableDef;
import dev.catalog.testing.DynamoDbLocal;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The live feed's side of template.yaml: the layout that keeps {@code sam local start-api} serving the REST API, the
 * WebSocket routes wired to their functions' live aliases with replies through route responses, the stream consumer's
 * failure handling, TTL on the connections table, and who may post to connections.
 */
class FeedTemplateTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(DynamoDbLocal.TEMPLATE);
  static final Map<String, String> ROUTES =
      Map.of(
          "$connect",
          "FeedConnect",
          "$disconnect",
          "FeedDisconnect",
          "subscribe",
          "FeedSubscribe",
          "unsubscribe",
          "FeedUnsubscribe",
          "$default",
          "FeedDefault");

  static Map<?, ?> properties(String logicalId) {
    Resource resource = TEMPLATE.resources().get(logicalId);
    assertTrue(resource != null, logicalId + " is in the template");
    return resource.properties();
  }

  static boolean apiTyped(String type) {
    return type.startsWith("AWS::ApiGateway::")
        || type.startsWith("AWS::ApiGatewayV2::")
        || type.equals("AWS::Serverless::Api")
        || type.equals("AWS::Serverless::HttpApi");
  }

  /**
   * SAM CLI picks one API provider per template, by the first API-typed resource it meets
   * ({@code samcli/lib/providers/api_provider.py}, {@code find_api_provider}): a SAM {@code AWS::Serverless::Api}
   * selects the SAM provider, which reads only {@code AWS::Serverless::*} resources, so {@code sam local start-api}
   * never parses the WebSocket route keys ({@code $connect}...) that crash {@code CfnApiProvider._parse_route_key}
   * (aws-sam-cli #2610). Were an {@code AWS::ApiGatewayV2::*} resource first, the CloudFormation provider would be
   * picked and the REST API would not be served.
   */
  @Test
  void productsApiIsTheFirstApiTypedResourceSoSamLocalStartApiServesTheRestApi() {
    Resource first =
        TEMPLATE.resources().values().stream()
            .filter(r -> apiTyped(r.type()))
            .findFirst()
            .orElseThrow();
    assertEquals("ProductsApi", first.logicalId());
    assertEquals("AWS::Serverless::Api", first.type());
    assertTrue(
        TEMPLATE.resources().values().stream()
            .anyMatch(r -> r.type().equals("AWS::ApiGatewayV2::Api")));
  }

  @Test
  void feedApiIsAWebSocketApiRoutedOnTheBodysAction() {
    Map<?, ?> api = properties("FeedApi");
    assertEquals("WEBSOCKET", api.get("ProtocolType"));
    assertEquals("$request.body.action", api.get("RouteSelectionExpression"));
  }

  @Test
  void everyRouteInvokesItsFunctionsLiveAliasWhichMayBeInvokedByThisApiForThatRouteOnly() {
    ROUTES.forEach(
        (key, name) -> {
          Map<?, ?> route = properties(name + "Route");
          assertEquals(key, route.get("RouteKey"));
          assertEquals(
              new Intrinsic(Intrinsic.SUB, "integrations/${" + name + "Integration}"),
              route.get("Target"));
          Map<?, ?> integration = properties(name + "Integration");
          assertEquals("AWS_PROXY", integration.get("IntegrationType"));
          assertTrue(
              integration
                  .get("IntegrationUri")
                  .toString()
                  .contains("${" + name + "Function.Alias}"),
              name);
          Map<?, ?> permission = properties(name + "Permission");
          assertEquals(
              new Intrinsic(Intrinsic.REF, name + "Function.Alias"),
              permission.get("FunctionName"));
          assertEquals("apigateway.amazonaws.com", permission.get("Principal"));
          assertTrue(permission.get("SourceArn").toString().endsWith("${FeedApi}/*/" + key), name);
        });
  }

  @Test
  void messageRoutesReplyThroughARouteResponseAndConnectAndDisconnectDoNot() {
    for (String key : List.of("subscribe", "unsubscribe", "$default")) {
      String name = ROUTES.get(key);
      assertEquals(
          "$default", properties(name + "Route").get("RouteResponseSelectionExpression"), key);
      Map<?, ?> response = properties(name + "RouteResponse");
      assertEquals(new Intrinsic(Intrinsic.REF, name + "Route"), response.get("RouteId"));
      assertEquals("$default", response.get("RouteResponseKey"));
    }
    for (String key : List.of("$connect", "$disconnect")) {
      assertFalse(TEMPLATE.resources().containsKey(ROUTES.get(key) + "RouteResponse"), key);
    }
  }

  @Test
  void
      theStageThrottlesEveryRouteAndWritesJsonAccessLogsWithoutClientAddressesToAGroupWithRetention() {
    Map<?, ?> stage = properties("FeedStage");
    Map<?, ?> throttling = (Map<?, ?>) stage.get("DefaultRouteSettings");
    assertTrue(
        throttling.containsKey("ThrottlingRateLimit")
            && throttling.containsKey("ThrottlingBurstLimit"));
    Map<?, ?> logs = (Map<?, ?>) stage.get("AccessLogSettings");
    assertEquals(
        new Intrinsic(Intrinsic.GET_ATT, List.of("FeedAccessLogGroup", "Arn")),
        logs.get("DestinationArn"));
    String format = logs.get("Format").toString();
    assertTrue(
        format.contains("\"requestId\":\"$context.requestId\"")
            && format.contains("$context.routeKey")
            && format.contains("$context.connectionId"),
        format);
    assertFalse(format.contains("sourceIp") || format.contains("userAgent"), format);
    assertEquals(
        new Intrinsic(Intrinsic.REF, "LogRetentionDays"),
        properties("FeedAccessLogGroup").get("RetentionInDays"));
  }

  @Test
  void
      theFanOutConsumesTheProductsStreamThroughAMappingToItsLiveAliasReportingFailedRecordsWithBisectionBoundedRetriesAndAFailureQueue() {
    List<Resource> mappings =
        TEMPLATE.resources().values().stream()
            .filter(
                resource ->
                    resource.type().equals("AWS::Lambda::EventSourceMapping")
                        && new Intrinsic(Intrinsic.REF, "FeedFanOutFunction.Alias")
                            .equals(resource.properties().get("FunctionName")))
            .toList();
    assertEquals(
        List.of("FeedFanOutStreamMapping"), mappings.stream().map(Resource::logicalId).toList());
    Map<?, ?> stream = mappings.getFirst().properties();
    assertEquals(
        new Intrinsic(Intrinsic.GET_ATT, List.of("ProductsTable", "StreamArn")),
        stream.get("EventSourceArn"));
    assertEquals(List.of("ReportBatchItemFailures"), stream.get("FunctionResponseTypes"));
    assertEquals(true, stream.get("BisectBatchOnFunctionError"));
    assertTrue(
        stream.get("MaximumRetryAttempts") instanceof Integer retries
            && retries > 0
            && retries < 10);
    assertTrue(stream.get("MaximumRecordAgeInSeconds") instanceof Integer age && age <= 3600);
    Map<?, ?> onFailure =
        (Map<?, ?>) ((Map<?, ?>) stream.get("DestinationConfig")).get("OnFailure");
    assertEquals(
        new Intrinsic(Intrinsic.GET_ATT, List.of("FeedFanOutFailureQueue", "Arn")),
        onFailure.get("Destination"));
    assertEquals(
        "NEW_AND_OLD_IMAGES",
        TEMPLATE.table("ProductsTable").streamViewType().orElseThrow().toString());
  }

  @Test
  void
      theFanOutKeepsAsManyConnectionsToTheManagementApiAliveAsItPostsInParallelWithTheGlobalJvmOptions() {
    String global = TEMPLATE.globalEnvironment().get("JAVA_TOOL_OPTIONS").toString();
    Object own =
        TEMPLATE
            .function("FeedFanOutFunction")
            .environment(TEMPLATE.resolver().build())
            .get("JAVA_TOOL_OPTIONS");
    assertEquals(global + " -Dhttp.maxConnections=" + FanOut.PARALLEL_POSTS, own);
  }

  @Test
  void everyConnectionItemExpiresThroughTheTablesTtl() {
    assertEquals("expiresAt", TEMPLATE.table("ConnectionsTable").ttlAttribute().orElseThrow());
  }

  @Test
  void
      onlyTheFanOutMayPostToConnectionsOnlyTheSweepCloseThemAndFeedFunctionsTouchOnlyTheConnectionsTableBesidesTheFanOutsStreamAndQueue() {
    Map<String, FunctionPolicy> policies = LeastPrivilegeTest.policies();
    policies.forEach(
        (function, policy) -> {
          boolean posts = manages(policy, "/POST/@connections/");
          assertEquals(function.equals("FeedFanOutFunction"), posts, function);
          boolean closes = manages(policy, "/DELETE/@connections/");
          assertEquals(function.equals("FeedSweepFunction"), closes, function);
          assertEquals(
              posts || closes,
              policy.statements().stream()
                  .anyMatch(s -> s.actions().contains("execute-api:ManageConnections")),
              function + ": ManageConnections on another method");
          if (function.startsWith("Feed")) {
            for (Statement statement : policy.statements()) {
              for (String resource : statement.resources()) {
                // What Lambda's poller needs for the fan-out's mapping: the products table's
                // stream, its failure queue.
                boolean fanOutsMapping =
                    function.equals("FeedFanOutFunction")
                        && (resource.contains(":table/ProductsTable/stream/")
                            || resource.endsWith(":local-FeedFanOutFailureQueue"));
                assertTrue(
                    resource.contains("/@connections/")
                        || resource.endsWith("table/ConnectionsTable")
                        || resource.endsWith("table/ConnectionsTable/index/byTopic")
                        || function.equals("FeedSweepFunction")
                            && resource.endsWith("table/ConnectionsTable/index/byExpiry")
                        || fanOutsMapping,
                    function + ": " + resource);
              }
            }
          }
        });
  }

  /** Whether the policy allows ManageConnections on resources with {@code methodPath}, and only there. */
  private static boolean manages(FunctionPolicy policy, String methodPath) {
    return policy.statements().stream()
        .filter(s -> s.actions().contains("execute-api:ManageConnections"))
        .flatMap(s -> s.resources().stream())
        .anyMatch(resource -> resource.contains(methodPath));
  }

  @Test
  void theSweepRunsEveryMinuteSoAConnectionIsClosedWithin60SecondsOfItsTokensExpiry() {
    List<ScheduleSource> schedules = TemplateSchedules.read(TEMPLATE, TEMPLATE.resolver().build());
    assertEquals(
        List.of(
            new ScheduleSource(
                "FeedSweepFunction", "EveryMinute", "rate(1 minute)", Duration.ofMinutes(1))),
        schedules);
    assertEquals(
        List.of(ConnectionStore.TOPIC_INDEX, ConnectionStore.EXPIRY_INDEX),
        TEMPLATE.table("ConnectionsTable").globalIndexes().stream()
            .map(TableDef.Index::name)
            .toList());
  }

  @Test
  void theFanOutHasIteratorAgeAndFailureQueueAlarmsAndTheStackOutputsTheWebSocketUrl()
      throws IOException {
    Map<String, Map<?, ?>> alarms = OperationsTemplateTest.operations(OperationsTemplateTest.ALARM);
    Map<?, ?> age = alarms.get("FeedFanOutIteratorAgeAlarm");
    assertEquals("IteratorAge", age.get("MetricName"));
    assertEquals(
        List.of(
            Map.of(
                "Name",
                "FunctionName",
                "Value",
                new Intrinsic(Intrinsic.REF, "FeedFanOutFunction"))),
        age.get("Dimensions"));
    Map<?, ?> depth = alarms.get("FeedFanOutFailureQueueDepthAlarm");
    assertEquals("ApproximateNumberOfMessagesVisible", depth.get("MetricName"));
    assertEquals(
        List.of(
            Map.of(
                "Name",
                "QueueName",
                "Value",
                new Intrinsic(Intrinsic.GET_ATT, List.of("FeedFanOutFailureQueue", "QueueName")))),
        depth.get("Dimensions"));
    assertTrue(
        Pattern.compile(
                "\n  WebSocketUrl:\n.*\n    Value: !Sub \"wss://\\$\\{FeedApi}\\.execute-api\\.")
            .matcher(Files.readString(DynamoDbLocal.TEMPLATE))
            .find());
  }
}

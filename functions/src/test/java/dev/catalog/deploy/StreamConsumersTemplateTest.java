package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.events.stream.EventSourceMappings;
import dev.catalog.local.events.stream.StreamEventSource;
import dev.catalog.local.events.stream.TemplateStreamSources;
import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.FunctionPolicy;
import dev.catalog.local.iam.IamCall;
import dev.catalog.local.iam.Statement;
import dev.catalog.local.iam.TemplatePolicies;
import dev.catalog.template.Intrinsic;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.DynamoDbLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's stream consumers hold least privilege: each is an {@code AWS::Lambda::EventSourceMapping} of the
 * products table's stream to its function's live alias, not a SAM {@code DynamoDB} event (for which SAM would attach
 * AWSLambdaDynamoDBExecutionRole, every stream of the account, to the generated role), and each function's own
 * {@code Policies} allow what Lambda needs for its mapping and nothing more: the stream reads on the products table's
 * stream, {@code sqs:SendMessage} on its own failure queue, nothing on any other stream or queue. Read with the
 * template model and decided by the local IAM, as the local tool decides it when it creates the mappings.
 */
class StreamConsumersTemplateTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(DynamoDbLocal.TEMPLATE);
  static final IntrinsicResolver LOCAL = TEMPLATE.resolver().build();
  static final Authorizer ROLES = Authorizer.enforcing(TEMPLATE, LOCAL, IamCall.Listener.NONE);
  static final List<StreamEventSource> SOURCES = TemplateStreamSources.read(TEMPLATE, LOCAL);
  static final List<String> STREAM_READS =
      List.of(
          "dynamodb:DescribeStream",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:ListStreams");

  static String arn(String logicalId, String attribute) {
    return LOCAL.resolveString(
        new Intrinsic(Intrinsic.GET_ATT, List.of(logicalId, attribute)), "test");
  }

  static boolean allowed(String function, String action, String resource) {
    return ROLES.simulate(function, action, resource).allowed();
  }

  @Test
  void theProductEventsAndTheFanOutConsumeTheProductsStreamThroughMappingsToTheirLiveAliases() {
    assertEquals(
        List.of("ProductEventsFunction", "FeedFanOutFunction"),
        SOURCES.stream().map(StreamEventSource::function).toList());
    assertEquals(
        List.of("ProductEventsStreamMapping", "FeedFanOutStreamMapping"),
        SOURCES.stream().map(StreamEventSource::mapping).toList());
    for (StreamEventSource source : SOURCES) {
      Resource mapping = TEMPLATE.resources().get(source.mapping());
      assertEquals("AWS::Lambda::EventSourceMapping", mapping.type());
      assertEquals(
          new Intrinsic(Intrinsic.REF, source.function() + ".Alias"),
          mapping.properties().get("FunctionName"));
      assertEquals(
          new Intrinsic(Intrinsic.GET_ATT, List.of("ProductsTable", "StreamArn")),
          mapping.properties().get("EventSourceArn"));
      assertEquals("ProductsTable", source.table());
    }
  }

  @Test
  void noFunctionHasASamStreamOrQueueEventSoSamAttachesNoExecutionRoleOfEveryStreamToAnyRole() {
    for (String function : TEMPLATE.functions().keySet()) {
      if (TEMPLATE.resources().get(function).properties().get("Events")
          instanceof Map<?, ?> events) {
        events.forEach(
            (name, event) ->
                assertFalse(
                    List.of("DynamoDB", "Kinesis", "SQS", "MQ", "MSK", "SelfManagedKafka")
                        .contains(((Map<?, ?>) event).get("Type")),
                    function + " Events." + name));
      }
      for (String action : STREAM_READS) {
        assertFalse(
            allowed(
                function,
                action,
                "arn:aws:dynamodb:us-east-1:123456789012:table/someone-else/stream/"
                    + "2024-01-01T00:00:00.000"),
            function + " " + action + " on a stream of another table of the account");
      }
    }
  }

  @Test
  void
      eachConsumersPolicyAllowsTheStreamReadsOnTheProductsStreamAndSendMessageOnItsOwnQueueAndNothingElseOfThem() {
    String productsStream = arn("ProductsTable", "StreamArn");
    List<String> otherStreams =
        new ArrayList<>(
            TEMPLATE.tables().keySet().stream()
                .filter(table -> !table.equals("ProductsTable"))
                .map(table -> arn(table, "StreamArn"))
                .toList());
    otherStreams.add(
        productsStream.substring(0, productsStream.indexOf("/stream/"))
            + "/stream/2030-01-01T00:00:00.000");
    List<String> queues =
        TEMPLATE.resources().values().stream()
            .filter(r -> r.type().equals(Resource.QUEUE))
            .map(r -> arn(r.logicalId(), "Arn"))
            .toList();
    assertEquals(2, queues.size(), queues::toString);
    for (StreamEventSource source : SOURCES) {
      String function = source.function();
      assertEquals(productsStream, source.streamArn());
      for (String action : STREAM_READS) {
        assertTrue(allowed(function, action, productsStream), function + " " + action);
        for (String other : otherStreams) {
          assertFalse(allowed(function, action, other), function + " " + action + " on " + other);
        }
      }
      assertEquals(
          arn(source.function().replace("Function", "FailureQueue"), "Arn"), source.onFailure());
      for (String queue : queues) {
        assertEquals(
            queue.equals(source.onFailure()),
            allowed(function, "sqs:SendMessage", queue),
            function + " sqs:SendMessage on " + queue);
      }
    }
  }

  @Test
  void onlyTheStreamConsumersMayReadTheProductsStreamOrSendToAFailureQueue() {
    List<String> consumers = SOURCES.stream().map(StreamEventSource::function).toList();
    for (String function : TEMPLATE.functions().keySet()) {
      assertEquals(
          consumers.contains(function),
          allowed(function, "dynamodb:GetRecords", arn("ProductsTable", "StreamArn")),
          function);
      for (StreamEventSource source : SOURCES) {
        assertEquals(
            source.function().equals(function),
            allowed(function, "sqs:SendMessage", source.onFailure()),
            function + " on " + source.onFailure());
      }
    }
  }

  @Test
  void lambdaCreatesEveryMappingWithItsFunctionsRoleAsTheLocalToolDoes() {
    assertEquals(SOURCES, EventSourceMappings.create(TEMPLATE, LOCAL, ROLES).sources());
  }

  @Test
  void everyStatementLambdaUsesOnTheFunctionsBehalfSaysWhyNoTestOfTheFunctionExercisesIt() {
    TemplateGrants comments = new TemplateGrants(DynamoDbLocal.TEMPLATE);
    Map<String, FunctionPolicy> policies = TemplatePolicies.read(TEMPLATE, LOCAL);
    for (StreamEventSource source : SOURCES) {
      List<String> sids =
          policies.get(source.function()).statements().stream()
              .filter(
                  statement ->
                      statement.actions().stream()
                          .anyMatch(
                              action ->
                                  STREAM_READS.contains(action)
                                      || action.equals("sqs:SendMessage")))
              .map(Statement::sid)
              .toList();
      assertEquals(List.of("PollProductsStream", "SendFailuresToQueue"), sids, source.function());
      for (String sid : sids) {
        assertTrue(
            comments.explainedAsUnexercised(source.function(), sid), source.function() + " " + sid);
      }
    }
  }
}

package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.lambda.FunctionPool;
import dev.catalog.testing.TemplateFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;

/**
 * {@code ./mvnw -Plocal} on a template with event sources ({@code templates/local-events.yaml}): the ready line
 * names the SNS endpoint and its topics and the stream consumers; every function's {@code SNS_ENDPOINT} points at
 * it; a message a function publishes within its policy is printed as one {@code [SNS]} line, one outside it refused
 * with the reason on the console; a write to a table reaches its stream's consumer; {@code -Dinvoke} runs a stream
 * function with a {@code DynamodbEvent} file.
 */
class LocalEventSourcesTest {
  static final CapturedConsole OUT = new CapturedConsole();
  static LocalServices services;

  @BeforeAll
  static void start() {
    services =
        LocalMain.start(
            new LocalOptions(
                TemplateFixtures.path("local-events.yaml"),
                0,
                null,
                null,
                0,
                false,
                null,
                null,
                true,
                null),
            OUT.stream(),
            new CapturedConsole().stream());
    assertNotNull(services, OUT::text);
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  static SnsClient client(String function) {
    return SnsClient.builder()
        .endpointOverride(services.sns().url())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(function, "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void theReadyLineNamesTheSnsEndpointItsTopicsAndTheStreamConsumers() {
    assertTrue(
        OUT.readyLine()
            .contains(
                "; SNS at "
                    + services.sns().url()
                    + " with 2 topics (EventsTopic, AuditTopic), each message printed as an [SNS] line; stream consumers"
                    + " OrdersTable → PartialFunction, OrdersTable → LatestFunction, PoisonTable → BisectFunction,"
                    + " AgedTable → AgedFunction)"),
        OUT::text);
  }

  @Test
  void aWriteToATableWithAStreamReachesItsConsumer() throws Exception {
    try (DynamoDbClient admin = services.dynamo().newClient()) {
      admin.putItem(
          request ->
              request.tableName("orders-local").item(Map.of("id", AttributeValue.fromS("e2e-1"))));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (services.streams().invocations("PartialFunction").isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(
        List.of("e2e-1"), services.streams().invocations("PartialFunction").getFirst().keys("id"));
    assertTrue(
        OUT.lines().stream()
            .noneMatch(line -> line.contains("PartialFunction: batch of 1 processed")),
        "without the access log, only failures are printed");
  }

  @Test
  void invokeRunsAStreamFunctionWithItsEventFileAndPrintsWhatItAnswered() throws Exception {
    CapturedConsole out = new CapturedConsole();
    CapturedConsole err = new CapturedConsole();
    LocalOptions options =
        new LocalOptions(
            TemplateFixtures.path("local-events.yaml"),
            0,
            null,
            null,
            0,
            false,
            "PartialFunction",
            Path.of("functions/src/test/resources/events/orders-stream.json"),
            true,
            null);

    assertEquals(0, LocalInvoke.run(options, out.stream(), err.stream()), err::text);
    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584600000000017450439092\"}]}",
        new ObjectMapper().readTree(out.text()).toString());
  }

  @Test
  void functionsGetTheSnsEndpointAndPublishWithinTheirPolicyAsOneConsoleLine() {
    String topic = "arn:aws:sns:us-east-1:123456789012:local-EventsTopic";
    try (SnsClient publisher = client("PublisherFunction");
        SnsClient auditor = client("AuditorFunction")) {
      String id =
          publisher.publish(request -> request.topicArn(topic).message("hello")).messageId();
      assertTrue(
          OUT.lines().contains("[SNS] EventsTopic " + id + " from PublisherFunction {} hello"),
          OUT::text);
      assertThrows(
          AuthorizationErrorException.class,
          () -> auditor.publish(request -> request.topicArn(topic).message("refused")));
      assertTrue(
          OUT.lines().stream()
              .anyMatch(
                  line ->
                      line.startsWith(
                          "[AuditorFunction]"
                              + " AuthorizationErrorException: User: arn:aws:sts::123456789012:assumed-role/AuditorFunctionRole/")),
          OUT::text);
    }
  }

  @Test
  void everyFunctionsSnsEndpointIsTheLocalOne() throws Exception {
    var outcome =
        services
            .functions()
            .pool("AuditorFunction")
            .invokeDirect(
                "{\"environment\": [\"SNS_ENDPOINT\"]}".getBytes(StandardCharsets.UTF_8), "test");
    assertEquals(
        "{\"SNS_ENDPOINT\":\"" + services.sns().url() + "\"}",
        new String((byte[]) ((FunctionPool.Returned) outcome).value(), StandardCharsets.UTF_8));
  }
}

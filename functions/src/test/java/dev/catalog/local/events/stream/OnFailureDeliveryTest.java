package dev.catalog.local.events.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.console.RequestLog;
import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.FunctionPolicy;
import dev.catalog.local.iam.IamCall;
import dev.catalog.local.lambda.LocalFunctions;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.TemplateFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lambda hands a discarded batch's on-failure record to the destination under the function's role, so IAM decides,
 * against DynamoDB Local's stream and the template's policies ({@code templates/local-broken/
 * stream-consumer-cannot-send.yaml}: the role reads the stream, and may not send to the queue). Lambda checks that
 * when it creates the mapping and refuses; a role that lost the permission after its mapping was created (a later
 * stack update) is refused when the record is sent, and the record is lost.
 */
class OnFailureDeliveryTest {
  @RegisterExtension
  static final DynamoDbLocal DYNAMO =
      new DynamoDbLocal(TemplateFixtures.path("local-broken/stream-consumer-cannot-send.yaml"));

  static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:local-FailureQueue";
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void creatingTheMappingOfARoleThatMayNotSendToTheQueueIsRefusedWithLambdasMessage() {
    EventSourceMappingException refused =
        assertThrows(
            EventSourceMappingException.class,
            () ->
                EventSourceMappings.create(
                    DYNAMO.template(),
                    DYNAMO.resolver(),
                    Authorizer.enforcing(
                        DYNAMO.template(), DYNAMO.resolver(), IamCall.Listener.NONE)));
    assertTrue(
        refused
            .getMessage()
            .contains(
                ": OrdersStreamMapping: Lambda refuses to create the event source mapping"
                    + " to CannotSendFunction: The provided execution role does not have permissions to call SendMessage on SQS"
                    + " (User: arn:aws:sts::123456789012:assumed-role/CannotSendFunctionRole/CannotSendFunction is not authorized"
                    + " to perform: sqs:SendMessage on resource: "
                    + QUEUE),
        refused::getMessage);
  }

  @Test
  void
      aBatchGivenUpOnIsNotDeliveredToAQueueTheRoleMayNotSendToAndTheConsoleSaysWhyWhileTheShardMovesOn()
          throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
    List<IamCall> decided = new CopyOnWriteArrayList<>();
    Authorizer roles = Authorizer.enforcing(DYNAMO.template(), DYNAMO.resolver(), decided::add);
    try (LocalFunctions functions =
            LocalFunctions.prepare(DYNAMO.template(), DYNAMO::environment, 0, console);
        StreamConsumers consumers =
            EventSourceMappings.unchecked(DYNAMO.template(), DYNAMO.resolver(), roles)
                .start(
                    DYNAMO.endpoint(),
                    AwsBasicCredentials.create("local", "local"),
                    FunctionInvoker.of(functions),
                    console,
                    Clock.systemUTC(),
                    RequestLog.NONE)) {
      put("lost-1", true);

      OnFailureRecord lost =
          await(
              () -> consumers.undelivered().stream().findFirst().orElse(null),
              found -> found != null,
              out);
      assertEquals(List.of(), consumers.failures(), "nothing reached the queue");
      assertEquals(QUEUE, lost.destination());
      assertEquals("RetryAttemptsExhausted", lost.condition());
      assertEquals(
          List.of(
              new IamCall(
                  "CannotSendFunction",
                  "sqs:SendMessage",
                  QUEUE,
                  FunctionPolicy.Decision.IMPLICIT_DENY,
                  "User: arn:aws:sts::123456789012:assumed-role/CannotSendFunctionRole/"
                      + "CannotSendFunction is not authorized to perform: sqs:SendMessage on resource: "
                      + QUEUE
                      + " because no identity-based policy allows the sqs:SendMessage action")),
          decided);
      assertTrue(
          out.toString(StandardCharsets.UTF_8)
              .lines()
              .anyMatch(
                  line ->
                      line.startsWith(
                          "[DynamoDB stream]"
                              + " OrdersTable → CannotSendFunction: 1 record discarded (RetryAttemptsExhausted); on-failure record not"
                              + " delivered to "
                              + QUEUE
                              + ", AccessDenied: User: arn:aws:sts::123456789012:assumed-role/"
                              + "CannotSendFunctionRole/CannotSendFunction is not authorized to perform: sqs:SendMessage on resource: "
                              + QUEUE
                              + " because no identity-based policy allows the sqs:SendMessage action: {\"requestContext\"")),
          out::toString);

      put("after-1", false);
      await(
          () ->
              consumers.invocations("CannotSendFunction").stream()
                  .filter(invocation -> invocation.outcome() == StreamInvocation.Outcome.SUCCESS)
                  .flatMap(invocation -> invocation.keys("id").stream())
                  .toList(),
          keys -> keys.contains("after-1"),
          out);
    }
  }

  static void put(String id, boolean poison) {
    DYNAMO
        .client()
        .putItem(
            request ->
                request
                    .tableName(DYNAMO.tableName("OrdersTable"))
                    .item(
                        Map.of(
                            "id",
                            AttributeValue.fromS(id),
                            "poison",
                            AttributeValue.fromBool(poison))));
  }

  static <T> T await(Supplier<T> value, Predicate<T> done, ByteArrayOutputStream console)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    T current = value.get();
    while (!done.test(current) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      current = value.get();
    }
    assertTrue(
        done.test(current),
        () -> "Not reached within " + PATIENCE + ": " + value.get() + "\nConsole:\n" + console);
    return current;
  }
}

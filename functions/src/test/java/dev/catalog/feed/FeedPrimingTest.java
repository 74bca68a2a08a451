package dev.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.kernel.Priming;
import dev.catalog.local.iam.IamCall;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.DynamoDbLocal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each feed route function's SnapStart priming makes its route's own DynamoDB calls under its identity, all within
 * its policy, writes nothing, and logs no failure.
 */
class FeedPrimingTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);

  static List<String> prime(String function, FeedPriming.Calls calls) {
    try (CapturedOutput output = CapturedOutput.start()) {
      new Priming(() -> FeedPriming.prime(FEED.context(function), calls)).beforeCheckpoint(null);
      assertFalse(output.text().contains("priming skipped"), output.text());
    }
    return DYNAMO.calls().stream()
        .filter(call -> call.function().equals(function))
        .map(call -> (call.allowed() ? "" : "DENIED ") + call.action())
        .toList();
  }

  @Test
  void eachFunctionPrimesWithItsOwnCallsWithinItsPolicyAndWritesNothing() {
    assertEquals(List.of(), prime("FeedConnectFunction", FeedPriming::none));
    assertEquals(
        List.of("dynamodb:Query"), prime("FeedDisconnectFunction", FeedPriming::queryConnection));
    assertEquals(
        List.of("dynamodb:GetItem"), prime("FeedSubscribeFunction", FeedPriming::subscribeAbsent));
    List<String> unsubscribe = prime("FeedUnsubscribeFunction", FeedPriming::unsubscribeAbsent);
    assertTrue(
        unsubscribe.containsAll(List.of("dynamodb:UpdateItem", "dynamodb:DeleteItem")),
        unsubscribe.toString());
    assertTrue(DYNAMO.calls().stream().allMatch(IamCall::allowed), DYNAMO.denials().toString());

    List<Map<String, ?>> items =
        List.copyOf(
            DYNAMO.client().scan(r -> r.tableName(DYNAMO.tableName("ConnectionsTable"))).items());
    assertEquals(List.of(), items);
  }
}

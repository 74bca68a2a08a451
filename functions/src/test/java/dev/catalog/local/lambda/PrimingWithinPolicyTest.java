package dev.catalog.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.CapturedConsole;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.local.iam.IamCall;
import dev.catalog.template.FunctionDef;
import dev.catalog.testing.DynamoDbLocal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SnapStart priming of every products function stays within the function's policy in template.yaml: each
 * function's instance is created as Lambda publishes a version (its beforeCheckpoint hook runs) under its own identity
 * with IAM enforced, and no request is sent, so every DynamoDB call seen is a priming call.
 */
class PrimingWithinPolicyTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  @Test
  void everyPrimingCallOfEverySnapStartFunctionIsAllowedByItsOwnPolicy() throws Exception {
    CapturedConsole console = new CapturedConsole();
    List<FunctionDef> functions =
        DYNAMO.template().functions().values().stream().filter(FunctionDef::snapStart).toList();
    assertFalse(functions.isEmpty(), "template.yaml has SnapStart functions");
    try (LocalApi api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(console.stream())
            .start()) {
      api.warm().get(60, java.util.concurrent.TimeUnit.SECONDS);
      // Warmed silently: an instance that failed to start, or a hook that failed, would have been
      // reported.
      functions.forEach(
          function -> assertEquals(1, api.instancesCreated(function.logicalId()), console::text));
      assertEquals("", console.text());
    }
    assertEquals(List.of(), DYNAMO.denials().stream().map(IamCall::message).toList());
    for (FunctionDef function : functions) {
      if (function.handlerClass().startsWith("dev.catalog.products.")) {
        assertTrue(
            DYNAMO.calls().stream().anyMatch(call -> call.function().equals(function.logicalId())),
            function.logicalId() + " primes its request path with a DynamoDB call");
      }
    }
  }
}

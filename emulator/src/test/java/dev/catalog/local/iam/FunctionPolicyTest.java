package dev.catalog.local.iam;

import static dev.catalog.local.iam.FunctionPolicy.Decision.ALLOWED;
import static dev.catalog.local.iam.FunctionPolicy.Decision.EXPLICIT_DENY;
import static dev.catalog.local.iam.FunctionPolicy.Decision.IMPLICIT_DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Identity-based policies are evaluated as IAM evaluates them. */
class FunctionPolicyTest {
  static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/products";

  static FunctionPolicy policy(Statement... statements) {
    return new FunctionPolicy("F", List.of(statements));
  }

  @Test
  void anActionNoStatementAllowsIsDeniedImplicitly() {
    FunctionPolicy policy =
        policy(new Statement("Get", true, List.of("dynamodb:GetItem"), List.of(TABLE)));
    assertEquals(ALLOWED, policy.evaluate("dynamodb:GetItem", TABLE));
    assertEquals(IMPLICIT_DENY, policy.evaluate("dynamodb:PutItem", TABLE));
    assertEquals(IMPLICIT_DENY, policy.evaluate("dynamodb:GetItem", TABLE + "-other"));
    assertEquals(
        IMPLICIT_DENY, new FunctionPolicy("F", List.of()).evaluate("dynamodb:GetItem", TABLE));
  }

  @Test
  void anExplicitDenyWinsOverAnyAllow() {
    FunctionPolicy policy =
        policy(
            new Statement("All", true, List.of("dynamodb:*"), List.of("*")),
            new Statement("NoDelete", false, List.of("dynamodb:DeleteItem"), List.of(TABLE)));
    assertEquals(EXPLICIT_DENY, policy.evaluate("dynamodb:DeleteItem", TABLE));
    assertEquals(ALLOWED, policy.evaluate("dynamodb:PutItem", TABLE));
  }

  @Test
  void actionsMatchWildcardsWithoutRegardToCaseAndResourcesWithIt() {
    FunctionPolicy policy =
        policy(
            new Statement(
                "Reads",
                true,
                List.of("dynamodb:get*", "dynamodb:Quer?"),
                List.of("arn:aws:dynamodb:*:123456789012:table/prod*")));
    assertEquals(ALLOWED, policy.evaluate("dynamodb:GetItem", TABLE));
    assertEquals(ALLOWED, policy.evaluate("dynamodb:Query", TABLE));
    assertEquals(IMPLICIT_DENY, policy.evaluate("dynamodb:Scan", TABLE));
    assertEquals(
        IMPLICIT_DENY, policy.evaluate("dynamodb:GetItem", TABLE.replace("products", "Products")));
  }

  @Test
  void aTableArnDoesNotCoverItsIndexesButAnIndexWildcardDoes() {
    String index = TABLE + "/index/byCategory";
    assertEquals(
        IMPLICIT_DENY,
        policy(new Statement("T", true, List.of("dynamodb:Query"), List.of(TABLE)))
            .evaluate("dynamodb:Query", index));
    assertEquals(
        ALLOWED,
        policy(new Statement("I", true, List.of("dynamodb:Query"), List.of(TABLE + "/index/*")))
            .evaluate("dynamodb:Query", index));
  }

  @Test
  void regexCharactersInPatternsAreLiterals() {
    assertEquals(
        IMPLICIT_DENY,
        policy(
                new Statement(
                    "Dot",
                    true,
                    List.of("dynamodb:GetItem"),
                    List.of("arn:aws:dynamodb:us-east-1:123456789012:table/a.c")))
            .evaluate("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/abc"));
  }
}

package dev.catalog.local.iam;

import static dev.catalog.local.iam.FunctionPolicy.Decision.ALLOWED;
import static dev.catalog.local.iam.FunctionPolicy.Decision.IMPLICIT_DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A management call is authorised by ManageConnections on the ARN of its method and connection. */
class ExecuteApiAccessTest {
  static final ExecuteApiAccess ACCESS =
      new ExecuteApiAccess("us-east-1", "123456789012", "local-FeedApi", "v1");

  @Test
  void theResourceNamesApiStageMethodAndConnection() {
    assertEquals(
        "arn:aws:execute-api:us-east-1:123456789012:local-FeedApi/v1/POST/@connections/Ab3=",
        ACCESS.connection("POST", "Ab3="));
  }

  @Test
  void aGrantOnPostOnlyDoesNotCoverGetOrDelete() {
    FunctionPolicy post =
        new FunctionPolicy(
            "F",
            List.of(
                new Statement(
                    "Post",
                    true,
                    List.of(ExecuteApiAccess.MANAGE_CONNECTIONS),
                    List.of(
                        "arn:aws:execute-api:us-east-1:123456789012:local-FeedApi/v1/POST/@connections/*"))));
    assertEquals(
        ALLOWED, post.evaluate("execute-api:ManageConnections", ACCESS.connection("POST", "Ab3=")));
    assertEquals(
        IMPLICIT_DENY,
        post.evaluate("execute-api:ManageConnections", ACCESS.connection("DELETE", "Ab3=")));
    assertEquals(
        IMPLICIT_DENY, post.evaluate("execute-api:Invoke", ACCESS.connection("POST", "Ab3=")));
  }
}

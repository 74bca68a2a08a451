package dev.catalog.local.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DynamoDB's answers to a caller it does not authorise, as the service writes them: HTTP 400 with a JSON 1.0 body of
 * {@code __type} and {@code Message}. The principal is the function's role session, as Lambda's credentials name it:
 * {@code arn:aws:sts::ACCOUNT:assumed-role/FUNCTIONRole/FUNCTION}.
 */
final class AccessDenied {
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  static final String ACCESS_DENIED = "com.amazon.coral.service#AccessDeniedException";
  static final String UNRECOGNIZED_CLIENT = "com.amazon.coral.service#UnrecognizedClientException";

  private AccessDenied() {}

  /** What IAM says, e.g. "User: ... is not authorized to perform: dynamodb:GetItem on resource: ... because ...". */
  static String message(
      String accountId,
      String function,
      String action,
      String resource,
      FunctionPolicy.Decision decision) {
    return "User: arn:aws:sts::"
        + accountId
        + ":assumed-role/"
        + function
        + "Role/"
        + function
        + " is not authorized to perform: "
        + action
        + " on resource: "
        + resource
        + (decision == FunctionPolicy.Decision.EXPLICIT_DENY
            ? " with an explicit deny in an identity-based policy"
            : " because no identity-based policy allows the " + action + " action");
  }

  static String body(String type, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("__type", type);
    body.put("Message", message);
    return body.toString();
  }
}

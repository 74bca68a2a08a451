package dev.catalog.local.iam;

/**
 * One authorisation the {@link IamEndpoint} decided: who asked for what, on which resource, and the outcome.
 *
 * @param function the caller's logical id (its access key id)
 * @param action e.g. {@code dynamodb:GetItem}
 * @param resource the ARN, e.g. {@code arn:aws:dynamodb:us-east-1:123456789012:table/products-local}
 * @param decision the policy's answer
 * @param message for a denial, DynamoDB's message naming function, action and resource; else null
 */
public record IamCall(
    String function,
    String action,
    String resource,
    FunctionPolicy.Decision decision,
    String message) {

  public boolean allowed() {
    return decision == FunctionPolicy.Decision.ALLOWED;
  }

  /** Receives every decision, on the thread of the request. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = call -> {};

    void decided(IamCall call);
  }
}

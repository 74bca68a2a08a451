package dev.catalog.testing.faults;

import java.time.Duration;

/**
 * What the {@link FaultProxy} does to one DynamoDB call instead of passing it through: each is a failure DynamoDB or
 * the network between a function and DynamoDB really produces.
 */
public sealed interface Fault {
  /** The call never reaches DynamoDB: DynamoDB's own throttling answer, HTTP 400 with this {@code __type}. */
  record Throttle(String type) implements Fault {
    public static final Throttle PROVISIONED_THROUGHPUT =
        new Throttle("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException");
    public static final Throttle THROTTLING =
        new Throttle("com.amazon.coral.availability#ThrottlingException");
    public static final Throttle REQUEST_LIMIT =
        new Throttle("com.amazonaws.dynamodb.v20120810#RequestLimitExceeded");
  }

  /** The call never reaches DynamoDB: {@code InternalServerError} (500) or {@code ServiceUnavailable} (503). */
  record ServerError(int status) implements Fault {
    public static final ServerError INTERNAL = new ServerError(500);
    public static final ServerError UNAVAILABLE = new ServerError(503);
  }

  /**
   * The call never reaches the service: an error of a REST-JSON AWS API (API Gateway's {@code @connections}, ...),
   * this status with {@code x-amzn-ErrorType} naming the error, e.g. 429 {@code LimitExceededException}.
   */
  record RestError(int status, String errorType) implements Fault {
    public static final RestError LIMIT_EXCEEDED = new RestError(429, "LimitExceededException");
  }

  /** The call is applied, and its response held back this long (past the client's attempt timeout). */
  record Delay(Duration duration) implements Fault {}

  /** The connection is reset before the call is forwarded: nothing happened. */
  record ResetBeforeForwarding() implements Fault {}

  /**
   * The call is applied, then, after {@code hold} (zero: at once), the connection is reset instead of answering: the
   * response is lost, and the client finds out only then.
   */
  record ResetAfterForwarding(Duration hold) implements Fault {}

  Fault RESET_BEFORE = new ResetBeforeForwarding();
  Fault RESET_AFTER = new ResetAfterForwarding(Duration.ZERO);
}

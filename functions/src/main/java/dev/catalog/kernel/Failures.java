package dev.catalog.kernel;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one mapping from whatever a request's work throws to the {@link Problem} that answers it, for REST and
 * WebSocket functions alike (each only renders the problem its own way), logged as its kind says:
 *
 * <ul>
 *   <li>an {@link HttpError}, the client's error, is its own problem, and is not logged;
 *   <li>a DynamoDB failure that outlasted the SDK's retries (throttling, a timeout, a 5xx, a lost connection) is a
 *       503 with {@code Retry-After}, never a 500, since the request was fine and a later retry can succeed; logged
 *       as one line without stack trace;
 *   <li>anything else (a validation error of the SDK, a missing table, access denied, a bug) is a fault of ours: a
 *       500 whose problem carries only the request id, logged with its stack trace under the same request id.
 * </ul>
 */
public final class Failures {
  /** Seconds a client should wait: long enough for DynamoDB to add capacity or for a partition to recover. */
  static final String RETRY_AFTER = "1";

  private static final Set<String> THROTTLING =
      Set.of(
          "ProvisionedThroughputExceededException",
          "ThrottlingException",
          "RequestLimitExceeded",
          "ThrottlingError");

  private static final String MAY_HAVE_APPLIED =
      "A write may or may not have been applied: retry it with the same "
          + "Idempotency-Key, or with a precondition (If-Match, If-None-Match: *), to apply it once.";

  private Failures() {}

  /** The problem that answers {@code failure} in the request {@code requestId}, logged as its kind says. */
  public static Problem answer(RuntimeException failure, String requestId) {
    if (failure instanceof HttpError error) {
      return error.problem();
    }
    if (failure instanceof SdkException sdk) {
      Problem unavailable = unavailable(sdk);
      if (unavailable != null) {
        Log.warning(
            "DynamoDB failed after "
                + sdk.numAttempts()
                + " attempts; answered "
                + unavailable.status()
                + " "
                + unavailable.slug(),
            requestId,
            failure);
        return unavailable;
      }
    }
    Log.error("Unexpected failure", requestId, failure);
    return Problem.fault(requestId);
  }

  /** The 503 for {@code failure}, or null when it is not a failure a retry can get past. */
  static Problem unavailable(SdkException failure) {
    if (failure instanceof TransactionCanceledException cancelled
        && cancelled.hasCancellationReasons()) {
      for (CancellationReason reason : cancelled.cancellationReasons()) {
        if (isThrottling(reason.code())) {
          return throttled();
        }
        if ("TransactionConflict".equals(reason.code())) {
          return unavailable(
              "storage-busy",
              "Storage busy",
              "Another request is writing the same data at this moment; try again.");
        }
      }
      return null;
    }
    if (failure instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      if (service.isThrottlingException() || isThrottling(code)) {
        return throttled();
      }
      return service.statusCode() >= 500 ? unavailable() : null;
    }
    if (failure instanceof ApiCallTimeoutException
        || failure instanceof ApiCallAttemptTimeoutException) {
      return unavailable(
          "storage-timeout",
          "Storage timeout",
          "The database did not answer in time. " + MAY_HAVE_APPLIED);
    }
    if (failure instanceof SdkClientException && causedByIo(failure)) {
      return unavailable();
    }
    return null;
  }

  /** Whether an error code is one of DynamoDB's throttling codes; an exception may carry no code at all. */
  private static boolean isThrottling(String code) {
    return code != null && THROTTLING.contains(code);
  }

  private static Problem throttled() {
    return unavailable(
        "storage-throttled",
        "Storage throttled",
        "The database is throttling requests; nothing was written. Retry after the Retry-After delay.");
  }

  private static Problem unavailable() {
    return unavailable(
        "storage-unavailable",
        "Storage unavailable",
        "The database could not be reached or failed. " + MAY_HAVE_APPLIED);
  }

  private static Problem unavailable(String slug, String title, String detail) {
    return new Problem(
        Problem.Kind.UNAVAILABLE,
        503,
        Problem.TYPE_PREFIX + slug,
        title,
        detail,
        List.of(),
        Map.of("Retry-After", RETRY_AFTER),
        null);
  }

  private static boolean causedByIo(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}

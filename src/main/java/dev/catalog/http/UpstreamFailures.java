package dev.catalog.http;

import dev.catalog.kernel.HttpError;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What a client is told when DynamoDB fails a call after the SDK's retries: a 503 problem with {@code Retry-After},
 * never a 500, since the request was fine and a later retry can succeed. Everything else the SDK throws (a validation
 * error, a missing table, access denied) is a defect of ours and stays a 500.
 */
final class UpstreamFailures {
  /** Seconds a client should wait: long enough for DynamoDB to add capacity or for a partition to recover. */
  static final String RETRY_AFTER = "1";

  private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException",
      "ThrottlingException", "RequestLimitExceeded", "ThrottlingError");

  private UpstreamFailures() {}

  /** The 503 for {@code failure}, or null when it is not a failure a retry can get past. */
  static HttpError classify(SdkException failure) {
    if (failure instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
      for (CancellationReason reason : cancelled.cancellationReasons()) {
        if (THROTTLING.contains(reason.code())) {
          return throttled();
        }
        if ("TransactionConflict".equals(reason.code())) {
          return HttpError.unavailable("storage-busy", "Storage busy",
              "Another request is writing the same data at this moment; try again.", RETRY_AFTER);
        }
      }
      return null;
    }
    if (failure instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      if (service.isThrottlingException() || THROTTLING.contains(code)) {
        return throttled();
      }
      return service.statusCode() >= 500 ? unavailable() : null;
    }
    if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
      return HttpError.unavailable("storage-timeout", "Storage timeout",
          "The database did not answer in time. " + MAY_HAVE_APPLIED, RETRY_AFTER);
    }
    if (failure instanceof SdkClientException && causedByIo(failure)) {
      return unavailable();
    }
    return null;
  }

  private static final String MAY_HAVE_APPLIED = "A write may or may not have been applied: retry it with the same "
      + "Idempotency-Key, or with a precondition (If-Match, If-None-Match: *), to apply it once.";

  private static HttpError throttled() {
    return HttpError.unavailable("storage-throttled", "Storage throttled",
        "The database is throttling requests; nothing was written. Retry after the Retry-After delay.", RETRY_AFTER);
  }

  private static HttpError unavailable() {
    return HttpError.unavailable("storage-unavailable", "Storage unavailable",
        "The database could not be reached or failed. " + MAY_HAVE_APPLIED, RETRY_AFTER);
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

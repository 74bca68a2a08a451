package dev.catalog.storage;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the attempts the SDK sends, on every client the functions build (DynamoDB, SNS): each request that goes out,
 * whether its answer is an error, a success, or never comes (an attempt timed out, a connection reset after the
 * request was sent). Two uses:
 *
 * <ul>
 *   <li>A failed call always says how many attempts it made: the SDK leaves {@link SdkException#numAttempts()} null
 *       on the exception of a call that ran out of time ({@code ApiCallTimeoutException}), so the count is set on it
 *       here.
 *   <li>A caller attaches a counter of its own to requests ({@link #COUNTER}, through the request's override
 *       configuration) to count every attempt sent for one piece of work across several calls, its own retries
 *       included.
 * </ul>
 */
public final class CallAttempts implements ExecutionInterceptor {
  /** A counter of the caller's, counted up once per attempt of every call whose request carries it. */
  public static final ExecutionAttribute<AtomicInteger> COUNTER =
      new ExecutionAttribute<>("dev.catalog.attempts");

  private static final ExecutionAttribute<AtomicInteger> THIS_CALL =
      new ExecutionAttribute<>("dev.catalog.call");

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(THIS_CALL, new AtomicInteger());
  }

  /** Called once per attempt, just before its request is sent. */
  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    AtomicInteger call = attributes.getAttribute(THIS_CALL);
    if (call != null) {
      call.incrementAndGet();
    }
    AtomicInteger counter = attributes.getAttribute(COUNTER);
    if (counter != null) {
      counter.incrementAndGet();
    }
  }

  /** The failure, with the number of attempts sent when the SDK did not say. */
  @Override
  public Throwable modifyException(
      Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable failure = context.exception();
    AtomicInteger call = attributes.getAttribute(THIS_CALL);
    if (failure instanceof SdkException sdk
        && sdk.numAttempts() == null
        && call != null
        && call.get() > 0) {
      SdkException counted = sdk.toBuilder().numAttempts(call.get()).build();
      counted.setStackTrace(sdk.getStackTrace());
      for (Throwable suppressed : sdk.getSuppressed()) {
        counted.addSuppressed(suppressed);
      }
      return counted;
    }
    return failure;
  }
}

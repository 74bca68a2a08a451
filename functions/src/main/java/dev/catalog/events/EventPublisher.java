package dev.catalog.events;

import dev.catalog.kernel.Log;
import dev.catalog.storage.CallAttempts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes product events to the topic, one Publish per event, in order: a batch entry that failed could not stop
 * the entries after it in the same PublishBatch call, which would reach subscribers before it.
 *
 * <p>A publish that meets throttling, an SNS error (5xx) or no answer is tried again, with exponential back-off and
 * full jitter, until the deadline: SNS being slow or away delays events but loses none. Any other refusal (a topic
 * that does not exist, a denied publish) cannot succeed on its own, and fails at once.
 *
 * <p>Every attempt after an event's first is counted as a retry ({@code PublishRetries}), the SDK's own retries
 * within a call included, whatever ended the attempt before: an error, or an answer that never came although SNS may
 * have published the message (a first connection slower than the attempt timeout after a cold start). So a subscriber
 * that receives an event twice (the same {@code eventId}) finds a retry counted for it.
 */
public final class EventPublisher {
  static final long FIRST_BACKOFF_MILLIS = 100;
  static final long MAX_BACKOFF_MILLIS = 2000;

  private final SnsClient sns;
  private final String topicArn;

  public EventPublisher(SnsClient sns, String topicArn) {
    this.sns = sns;
    this.topicArn = topicArn;
  }

  /**
   * Thrown when an event could not be published; the record it came from is to be retried. Unchecked, so that it
   * leaves a stream consumer's work for one change like any failure ({@code StreamConsumer.Batch#accept}).
   */
  public static final class PublishFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublishFailed(String message, SdkException cause) {
      super(message, cause);
    }
  }

  /**
   * Publishes {@code event}, trying again after a transient failure until {@code deadlineNanos}
   * ({@link System#nanoTime()}); counts in {@code metrics} every attempt sent after the first, and logs each failed
   * call under the invocation's {@code requestId}.
   */
  public void publish(
      ProductEvent event, long deadlineNanos, BatchMetrics metrics, String requestId)
      throws PublishFailed {
    AtomicInteger attempts = new AtomicInteger();
    PublishRequest request =
        request(event).toBuilder()
            .overrideConfiguration(
                override -> override.putExecutionAttribute(CallAttempts.COUNTER, attempts))
            .build();
    try {
      publish(request, event, deadlineNanos, metrics, requestId);
    } finally {
      metrics.retries(Math.max(0, attempts.get() - 1));
    }
  }

  private void publish(
      PublishRequest request,
      ProductEvent event,
      long deadlineNanos,
      BatchMetrics metrics,
      String requestId)
      throws PublishFailed {
    long backoff = FIRST_BACKOFF_MILLIS;
    while (true) {
      try {
        sns.publish(request);
        metrics.published(event.type());
        return;
      } catch (SdkException failure) {
        long sleep = ThreadLocalRandom.current().nextLong(backoff + 1);
        if (!isTransient(failure) || System.nanoTime() + sleep * 1_000_000 >= deadlineNanos) {
          throw new PublishFailed("Event " + event.eventId() + " not published", failure);
        }
        Log.warning(
            "Publish of event " + event.eventId() + " failed; trying again", requestId, failure);
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PublishFailed("Interrupted while publishing " + event.eventId(), failure);
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }
  }

  /** Throttling, an error of SNS's own, or no answer at all: another attempt may succeed. */
  static boolean isTransient(SdkException failure) {
    if (failure instanceof AwsServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    return failure instanceof SdkClientException;
  }

  /** The Publish request of {@code event}: its body, subject and attributes, to the topic. */
  PublishRequest request(ProductEvent event) {
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    event
        .strings()
        .forEach(
            (name, value) ->
                attributes.put(
                    name,
                    MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    event
        .numbers()
        .forEach(
            (name, value) ->
                attributes.put(
                    name,
                    MessageAttributeValue.builder().dataType("Number").stringValue(value).build()));
    return PublishRequest.builder()
        .topicArn(topicArn)
        .message(event.body())
        .subject(event.subject())
        .messageAttributes(attributes)
        .build();
  }
}

package dev.catalog.events;

import com.amazonaws.services.lambda.runtime.Context;
import dev.catalog.changes.ProductChange;
import dev.catalog.changes.StreamConsumer;
import dev.catalog.changes.StreamRecord;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.Log;
import dev.catalog.kernel.Priming;
import java.time.Duration;

/**
 * ProductEventsFunction: consumes the products table's stream and publishes each product change to the product
 * events topic ({@code PRODUCT_EVENTS_TOPIC_ARN}), with a low-stock event when the stock crosses below
 * {@code LOW_STOCK_THRESHOLD}.
 *
 * <p>Records are handled in the stream's order ({@link StreamConsumer}). The first record whose events cannot be
 * published (after retries until the invocation's time is nearly up) or that cannot be read as a change is reported
 * in the partial batch response, and no record after it is published: Lambda retries the batch from that record, so
 * nothing is skipped and nothing overtakes it. A retried record gives the same events under the same ids.
 */
public final class ProductEventsHandler extends StreamConsumer {
  /** Time kept back from the invocation's deadline to answer Lambda. */
  static final Duration ANSWER_MARGIN = Duration.ofSeconds(5);

  private final EventPublisher publisher;
  private final ProductEvents events;
  private final Duration budgetWithoutContext;

  /** As Lambda creates it: from the environment, with the SnapStart priming hook registered. */
  public ProductEventsHandler() {
    this(
        new EventPublisher(
            SnsClients.fromEnvironment(), Environment.require("PRODUCT_EVENTS_TOPIC_ARN")),
        new ProductEvents(threshold(Environment.require("LOW_STOCK_THRESHOLD"))),
        Duration.ofSeconds(20));
    Priming.register(() -> ProductEventsPriming.prime(publisher, events));
  }

  /**
   * A handler publishing through {@code publisher}; {@code budgetWithoutContext} bounds the retries of an invocation
   * that comes without a Lambda context (with one, its remaining time does).
   */
  public ProductEventsHandler(
      EventPublisher publisher, ProductEvents events, Duration budgetWithoutContext) {
    this.publisher = publisher;
    this.events = events;
    this.budgetWithoutContext = budgetWithoutContext;
  }

  static int threshold(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("LOW_STOCK_THRESHOLD is not a whole number: " + value, e);
    }
  }

  @Override
  protected Batch begin(Context context, int records, long startedNanos) {
    long deadline =
        startedNanos
            + (context == null
                    ? budgetWithoutContext
                    : Duration.ofMillis(context.getRemainingTimeInMillis()).minus(ANSWER_MARGIN))
                .toNanos();
    BatchMetrics metrics = new BatchMetrics();
    metrics.records(records);
    String requestId = requestId(context);
    return new Batch() {
      @Override
      public void accept(ProductChange change) {
        for (ProductEvent event : events.of(change)) {
          publisher.publish(event, deadline, metrics, requestId);
        }
      }

      @Override
      public void skipped(StreamRecord record) {
        metrics.skipped();
      }

      @Override
      public void failed(StreamRecord record, RuntimeException failure) {
        metrics.recordFailed();
        if (failure instanceof EventPublisher.PublishFailed publish) {
          metrics.failed();
          Log.warning(
              "Record " + record.sequenceNumber() + " reported for retry: " + publish.getMessage(),
              requestId,
              publish.getCause());
        } else {
          Log.error(
              "Record "
                  + record.sequenceNumber()
                  + " ("
                  + record.eventId()
                  + ") cannot be read as a change",
              requestId,
              failure);
        }
      }

      @Override
      public void finish(String failedSequenceNumber) {
        metrics.write(requestId, failedSequenceNumber, startedNanos);
      }
    };
  }
}

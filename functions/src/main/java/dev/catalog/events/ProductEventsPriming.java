package dev.catalog.events;

import dev.catalog.changes.ProductChange;
import dev.catalog.changes.StreamBatch;
import dev.catalog.changes.StreamRecord;
import dev.catalog.kernel.Priming;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What ProductEventsFunction primes before Lambda takes the SnapStart snapshot ({@link Priming}), short of the
 * network: a stream batch read, its image mapped through the products table's schema, the change and its low-stock
 * event written as JSON, their Publish requests built, the batch's metrics line formatted. It publishes nothing
 * (priming a publish would send an event) and prints nothing.
 */
final class ProductEventsPriming {
  private static final String SAMPLE =
      """
      {"Records":[{"eventID":"priming","eventName":"INSERT","dynamodb":{"ApproximateCreationDateTime":1.7E9,
       "Keys":{"id":{"S":"priming"}},"NewImage":{"id":{"S":"priming"},"name":{"S":"Priming"},
       "description":{"S":"Warms the path."},"price":{"N":"19.99"},"currency":{"S":"EUR"},
       "category":{"S":"priming"},"tags":{"L":[{"S":"a"}]},"stock":{"N":"0"},
       "createdAt":{"S":"2026-01-01T00:00:00Z"},"updatedAt":{"S":"2026-01-01T00:00:00.001Z"},
       "createdBy":{"S":"priming"},"updatedBy":{"S":"priming"},"version":{"N":"1"},"incarnation":{"S":"priming"}},
       "SequenceNumber":"1","SizeBytes":1,"StreamViewType":"NEW_AND_OLD_IMAGES"}}]}""";

  private ProductEventsPriming() {}

  static void prime(EventPublisher publisher, ProductEvents events) throws IOException {
    for (StreamRecord record :
        StreamBatch.read(new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8)))) {
      ProductChange change = ProductChange.of(record).orElseThrow();
      for (ProductEvent event : events.of(change)) {
        publisher.request(event);
      }
    }
    new BatchMetrics().format("priming", null, true, System.nanoTime(), System.currentTimeMillis());
  }
}

package dev.catalog.feed.fanout;

import dev.catalog.changes.ChangeType;
import dev.catalog.changes.ProductChange;
import dev.catalog.kernel.Priming;
import dev.catalog.kernel.telemetry.RequestLine;
import java.time.Instant;

/**
 * What the fan-out function primes before Lambda takes the SnapStart snapshot ({@link Priming}): the Queries for a
 * change's subscribers (of a category no product has, so none is found and nothing is posted), the feed message's
 * JSON and the log line. Within the function's policy; writes nothing.
 */
final class FanOutPriming {
  private FanOutPriming() {}

  static void prime(FanOut fanOut) {
    ProductChange change =
        new ProductChange(
            "priming",
            ChangeType.DELETED,
            "priming",
            1,
            "snapstart:priming",
            null,
            null,
            null,
            Instant.now());
    fanOut.subscribers(change);
    change.toJson();
    RequestLine.prime();
  }
}

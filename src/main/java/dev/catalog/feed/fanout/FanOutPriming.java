package dev.catalog.feed.fanout;

import dev.catalog.changes.ChangeType;
import dev.catalog.changes.ProductChange;
import dev.catalog.kernel.Log;
import dev.catalog.kernel.telemetry.RequestLine;
import java.time.Instant;
import org.crac.Context;
import org.crac.Resource;

/**
 * Runs the fan-out's path once before Lambda takes the SnapStart snapshot: the Queries for a change's subscribers
 * (of a category no product has, so none is found and nothing is posted), the feed message's JSON and the log line.
 * Within the function's policy; writes nothing; a failure is logged as one line and the snapshot goes ahead.
 */
final class FanOutPriming implements Resource {
  private final FanOut fanOut;

  FanOutPriming(FanOut fanOut) {
    this.fanOut = fanOut;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> checkpoint) {
    try {
      ProductChange change = new ProductChange("priming", ChangeType.DELETED, "priming", 1, "snapstart:priming", null,
          null, null, Instant.now());
      fanOut.subscribers(change);
      change.toJson();
      RequestLine.prime();
    } catch (RuntimeException | LinkageError e) {
      Log.warning("SnapStart priming skipped; the snapshot is taken without it", e);
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> restore) {
    // Nothing to renew: credentials come from the container endpoint under SnapStart.
  }
}

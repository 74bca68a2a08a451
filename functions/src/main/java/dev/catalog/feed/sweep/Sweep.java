package dev.catalog.feed.sweep;

import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.feed.fanout.ConnectionsApi;
import dev.catalog.kernel.Log;
import dev.catalog.kernel.telemetry.RequestLine;
import dev.catalog.kernel.telemetry.RequestMetrics;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One sweep of the connections whose life has ended: one pass over the expiry index ({@link ConnectionStore#expired},
 * page by page), each page's connections closed in parallel (at most {@link #PARALLEL_CLOSES} at a time) with
 * {@code DeleteConnection} (a connection gone already counts as closed) and their items removed. A connection API
 * Gateway would not close keeps its items, so the next run tries it again; they have expired, so the fan-out sends
 * it nothing meanwhile. The pass stops early when the run's time is nearly over; the next run goes on.
 */
public final class Sweep {
  static final int PAGE = 100;
  static final int PARALLEL_CLOSES = 32;

  /** Time kept back from the deadline (the 10 s Timeout): a page of closes ends within the client's call timeout (8 s). */
  static final long RESERVE_MILLIS = 8_500;

  /** What the log line names as the route. */
  static final String SOURCE = "expired-connections";

  static final String CLOSED = "ConnectionsClosed";
  static final String GONE = "ConnectionsGone";
  static final String FAILURES = "CloseFailures";

  private final ConnectionStore connections;
  private final ConnectionsApi api;

  public Sweep(ConnectionStore connections, ConnectionsApi api) {
    this.connections = connections;
    this.api = api;
  }

  /** Runs a sweep, with {@code remainingMillis} of the invocation left; writes its line. */
  public void run(String requestId, long startedNanos, long remainingMillis) {
    long stopAt = System.nanoTime() + Math.max(0, remainingMillis - RESERVE_MILLIS) * 1_000_000;
    RequestMetrics metrics = new RequestMetrics();
    int status = 200;
    try {
      Iterator<String> ended = connections.expired(PAGE).iterator();
      while (ended.hasNext() && System.nanoTime() - stopAt < 0) {
        List<String> page = new ArrayList<>(PAGE);
        while (ended.hasNext() && page.size() < PAGE) {
          page.add(ended.next());
        }
        close(page, metrics);
      }
    } catch (RuntimeException e) {
      status = 500;
      Log.error("The sweep of ended connections failed", requestId, e);
    }
    RequestLine.write(
        new RequestLine.Request(
            requestId, "SCHEDULE", SOURCE, status, null, null, startedNanos, metrics));
    if (status != 200) {
      throw new IllegalStateException("The sweep of ended connections failed; see the log");
    }
  }

  /** Closes the connections and removes their items; one API Gateway would not close is counted and kept. */
  private void close(List<String> ended, RequestMetrics metrics) {
    Semaphore permits = new Semaphore(PARALLEL_CLOSES);
    List<Future<Boolean>> closes = new ArrayList<>(ended.size());
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String connectionId : ended) {
        closes.add(
            executor.submit(
                () -> {
                  permits.acquire();
                  try {
                    boolean open = api.close(connectionId);
                    connections.remove(connectionId);
                    return open;
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (int i = 0; i < ended.size(); i++) {
        try {
          metrics.count(closes.get(i).get() ? CLOSED : GONE);
        } catch (ExecutionException e) {
          Log.warning(
              "Connection " + ended.get(i) + " not closed; the next run tries again", e.getCause());
          metrics.count(FAILURES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while closing connections", e);
        }
      }
    }
  }

  /**
   * What SnapStart primes: the first page of the expiry Query (within the function's policy; nothing is closed) and
   * the log line.
   */
  void prime() {
    connections.expired(1).findFirst();
    RequestLine.prime();
  }
}

package dev.catalog.local.events.http;

import dev.catalog.local.console.RequestLog;
import java.util.Locale;

/**
 * The local API's line per request: method, path (never the query, which may carry what a client meant to keep to
 * itself), status, latency, the function that served it, and whether its instance was new. In words,
 * {@code [local API] GET /products/abc 200 3.2 ms GetProductFunction warm}; as JSON, the fields {@code method},
 * {@code path}, {@code status}, {@code latencyMs}, {@code function}, {@code coldStart}. The functions' own JSON lines
 * (docs/operations.md, "Logs") follow as they wrote them.
 */
final class AccessLine {
  static final String SOURCE = "local API";

  private AccessLine() {}

  static RequestLog.Entry of(
      String method, String rawPath, int status, long nanos, String function, boolean cold) {
    int query = rawPath.indexOf('?');
    String path = query < 0 ? rawPath : rawPath.substring(0, query);
    double millis = Math.round(nanos / 1e5) / 10.0;
    return RequestLog.Entry.of(
        SOURCE,
        String.format(
            Locale.ROOT,
            "%s %s %d %.1f ms %s %s",
            method,
            path,
            status,
            millis,
            function,
            cold ? "cold" : "warm"),
        "method",
        method,
        "path",
        path,
        "status",
        status,
        "latencyMs",
        millis,
        "function",
        function,
        "coldStart",
        cold);
  }
}

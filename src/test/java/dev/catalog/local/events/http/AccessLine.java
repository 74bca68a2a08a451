package dev.catalog.local.events.http;

import java.util.Locale;

/**
 * The local API's line per request, for a person at a terminal: method, path (never the query, which may carry
 * what a client meant to keep to itself), status, latency, the function that served it, and whether its instance
 * was new. The functions' own JSON lines (see the README, "Operate") follow as they wrote them.
 */
final class AccessLine {
  private AccessLine() {}

  static String of(String method, String rawPath, int status, long nanos, String function, boolean cold) {
    int query = rawPath.indexOf('?');
    String path = query < 0 ? rawPath : rawPath.substring(0, query);
    return String.format(Locale.ROOT, "[local API] %s %s %d %.1f ms %s %s", method, path, status, nanos / 1e6,
        function, cold ? "cold" : "warm");
  }
}

package dev.catalog.local.events.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What the local API serves only to this machine's own pages and tools: the development issuer's token endpoint, and
 * every route when authentication is off. A page of another site can make a browser send requests to the local API
 * (a form, a {@code fetch} in {@code no-cors} mode) and, by DNS rebinding (its own host name answered with
 * {@code 127.0.0.1}), even read the answers as same-origin ones. Both show in the request: a rebinding page's
 * requests carry its host name in {@code Host}, and a browser names the page's origin in {@code Origin} on every
 * request other than a GET or HEAD.
 */
final class LoopbackOnly {
  /** The names of this machine that a browser puts in {@code Host} and {@code Origin}. */
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private LoopbackOnly() {}

  /**
   * Whether {@code host} (a {@code Host} header) names this machine with the API's {@code port}: {@code localhost},
   * {@code 127.0.0.1} or {@code [::1]}, any case, the port as the API listens (only port 80 may be left out).
   */
  static boolean isLocalHost(String host, int port) {
    if (host == null) {
      return false;
    }
    String name = host.strip().toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf(']')) {
      if (!name.substring(colon + 1).equals(Integer.toString(port))) {
        return false;
      }
      name = name.substring(0, colon);
    } else if (port != 80) {
      return false;
    }
    return LOOPBACK_NAMES.contains(name);
  }

  /** Whether {@code origin} (an {@code Origin} header) is a page served by this machine: http(s) on a loopback name. */
  static boolean isLocalOrigin(String origin) {
    if (origin == null) {
      return false;
    }
    try {
      URI uri = new URI(origin.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getRawPath().isEmpty()
          && uri.getRawQuery() == null
          && uri.getUserInfo() == null
          && LOOPBACK_NAMES.contains(host);
    } catch (URISyntaxException malformed) {
      return false;
    }
  }

  /** The methods a browser sends without Origin, and that change nothing: the rest of the API is a write. */
  static boolean isSafe(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }
}

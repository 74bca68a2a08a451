package dev.catalog.http;

import dev.catalog.kernel.Environment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The methods each resource path serves, from {@code ROUTE_METHODS}: the template's routes written out for the
 * preflight function, which cannot read the template at run time (a test holds the two equal). The form is
 * {@code "/products: GET POST OPTIONS; /products/{id}: GET PUT PATCH DELETE OPTIONS"}, paths as API Gateway gives them
 * in the event's {@code resource}.
 */
public final class RouteMethods {
  /** What a path missing from the list is answered with: only the OPTIONS that is being served. */
  private static final String ONLY_OPTIONS = "OPTIONS";

  private final Map<String, String> byPath;

  private RouteMethods(Map<String, String> byPath) {
    this.byPath = Map.copyOf(byPath);
  }

  public static RouteMethods fromEnvironment() {
    return parse(Environment.require("ROUTE_METHODS"));
  }

  /** Reads the {@code ROUTE_METHODS} form; a malformed entry is a deployment error, reported at init. */
  public static RouteMethods parse(String text) {
    Map<String, String> byPath = new LinkedHashMap<>();
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String path = colon < 0 ? "" : entry.substring(0, colon).strip();
      String[] methods = entry.substring(colon + 1).strip().split("\\s+");
      if (!path.startsWith("/") || methods[0].isEmpty() || byPath.containsKey(path)) {
        throw new IllegalStateException(
            "ROUTE_METHODS has a malformed or repeated entry: '" + entry.strip() + "'");
      }
      byPath.put(path, String.join(", ", methods));
    }
    return new RouteMethods(byPath);
  }

  /** The {@code Allow} value for {@code resource}: its methods, comma-separated, in the order configured. */
  public String allow(String resource) {
    return resource == null ? ONLY_OPTIONS : byPath.getOrDefault(resource, ONLY_OPTIONS);
  }

  /** Every configured path and its methods, for checking against the template. */
  public Map<String, String> byPath() {
    return byPath;
  }
}

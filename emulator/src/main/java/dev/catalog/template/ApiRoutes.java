package dev.catalog.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The template's routes as API Gateway's REST API chooses among them: the path first (the most specific resource
 * that matches), then the method among that resource's routes. A request whose path matches no resource, or whose
 * method that resource does not serve, is served by none (API Gateway then answers 403 Missing Authentication Token).
 */
public final class ApiRoutes {
  private final Map<Route, FunctionDef> routes;

  public ApiRoutes(SamTemplate template) {
    this.routes = template.routes();
  }

  /** A chosen route, the function serving it, and its path parameters percent-decoded as API Gateway passes them. */
  public record Selected(Route route, FunctionDef function, Map<String, String> pathParameters) {}

  /**
   * The route serving {@code method} on {@code rawPath} (the request path without query, still percent-encoded).
   */
  public Optional<Selected> select(String method, String rawPath) {
    String resource = null;
    for (var entry : routes.entrySet()) {
      Route route = entry.getKey();
      if (resource != null && !route.path().equals(resource)) {
        break;
      }
      Optional<Map<String, String>> parameters = route.match(rawPath);
      if (parameters.isEmpty()) {
        continue;
      }
      resource = route.path();
      if (route.allows(method)) {
        Map<String, String> decoded = new LinkedHashMap<>();
        parameters.get().forEach((name, value) -> decoded.put(name, decodePath(value)));
        return Optional.of(new Selected(route, entry.getValue(), decoded));
      }
    }
    return Optional.empty();
  }

  /**
   * Percent-decodes a path segment as UTF-8. Unlike form decoding, {@code +} stays a plus sign; a malformed escape is
   * kept as written.
   */
  static String decodePath(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      int high = i + 2 < raw.length() && c == '%' ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (low >= 0) {
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}

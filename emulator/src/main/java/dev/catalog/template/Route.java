package dev.catalog.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One API Gateway (REST) route from a function's {@code Api} event: a method and a resource path such as
 * {@code /products/{id}} or {@code /files/{proxy+}}.
 *
 * <p>Path rules follow API Gateway: the path starts with {@code /}, a parameter fills a whole segment, and a greedy
 * parameter ({@code {name+}}) may only be the last segment.
 *
 * @param method upper-case HTTP method, or {@code ANY}
 * @param path the resource path as written in the template
 */
public record Route(String method, String path) {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "ANY");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~:@!$&'()*+,;=-]+");
  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9._-]+)(\\+?)}");

  /**
   * Orders routes so that the first path matching a request is the one API Gateway would pick: at the first segment
   * where two paths differ, a literal beats a parameter and a parameter beats a greedy one. Routes of one path stay
   * together, a specific method before {@code ANY}.
   */
  public static final Comparator<Route> MOST_SPECIFIC_FIRST =
      Comparator.comparing(Route::segmentRanks, Route::compareRanks)
          .thenComparing(Route::path)
          .thenComparing(route -> route.method.equals("ANY"))
          .thenComparing(Route::method);

  /** @throws IllegalArgumentException naming the problem when the method or path is not valid */
  public Route {
    method = method == null ? "" : method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "method '" + method + "' is not one of " + new TreeSet<>(METHODS));
    }
    validate(path);
  }

  /** Names of the path parameters in order, e.g. {@code [id]} for {@code /products/{id}}; {@code proxy} for {@code {proxy+}}. */
  public List<String> pathParameters() {
    return segments(path).stream()
        .map(PARAMETER::matcher)
        .filter(m -> m.matches())
        .map(m -> m.group(1))
        .toList();
  }

  /** True when the last segment is a greedy parameter such as {@code {proxy+}}. */
  public boolean greedy() {
    return path.endsWith("+}");
  }

  /** True when a request with this HTTP method is served by this route. */
  public boolean allows(String requestMethod) {
    return method.equals("ANY") || method.equalsIgnoreCase(requestMethod);
  }

  /**
   * Matches a request path (without query string) and returns the path parameters, values as they appear in the
   * request (still percent-encoded: decoding is the caller's choice). A greedy parameter takes the rest of the path,
   * at least one segment.
   */
  public Optional<Map<String, String>> match(String requestPath) {
    if (requestPath == null || !requestPath.startsWith("/")) {
      return Optional.empty();
    }
    List<String> pattern = segments(path);
    List<String> actual = segments(requestPath);
    if (actual.contains("")
        || actual.size() < pattern.size()
        || !greedy() && actual.size() != pattern.size()) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      var parameter = PARAMETER.matcher(pattern.get(i));
      if (!parameter.matches()) {
        if (!pattern.get(i).equals(actual.get(i))) {
          return Optional.empty();
        }
      } else if (parameter.group(2).isEmpty()) {
        parameters.put(parameter.group(1), actual.get(i));
      } else {
        parameters.put(parameter.group(1), String.join("/", actual.subList(i, actual.size())));
      }
    }
    return Optional.of(parameters);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }

  private static void validate(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path '" + path + "' must start with '/'");
    }
    if (path.equals("/")) {
      return;
    }
    List<String> segments = segments(path);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      var parameter = PARAMETER.matcher(segment);
      if (parameter.matches()) {
        if (!names.add(parameter.group(1))) {
          throw new IllegalArgumentException(
              "path '" + path + "' repeats parameter {" + parameter.group(1) + "}");
        }
        if (!parameter.group(2).isEmpty() && i != segments.size() - 1) {
          throw new IllegalArgumentException(
              "path '" + path + "': a greedy parameter must be the last segment");
        }
      } else if (!LITERAL.matcher(segment).matches()) {
        throw new IllegalArgumentException(
            "path '"
                + path
                + "' has an invalid segment '"
                + segment
                + "' (empty, or braces that are not a whole {parameter})");
      }
    }
  }

  /** Segments after the leading slash; "/" has none, and a trailing slash yields an empty last segment. */
  private static List<String> segments(String path) {
    return path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
  }

  /** 0 for a literal, 1 for a parameter, 2 for a greedy parameter, segment by segment. */
  private List<Integer> segmentRanks() {
    List<Integer> ranks = new ArrayList<>();
    for (String segment : segments(path)) {
      var parameter = PARAMETER.matcher(segment);
      ranks.add(!parameter.matches() ? 0 : parameter.group(2).isEmpty() ? 1 : 2);
    }
    return ranks;
  }

  private static int compareRanks(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int byRank = Integer.compare(a.get(i), b.get(i));
      if (byRank != 0) {
        return byRank;
      }
    }
    // Paths of different lengths can both match only when the shorter ends in a greedy parameter:
    // it goes last.
    return Integer.compare(b.size(), a.size());
  }
}

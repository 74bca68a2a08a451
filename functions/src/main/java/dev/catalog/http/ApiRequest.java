package dev.catalog.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.JsonBody;
import dev.catalog.kernel.telemetry.RequestMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A read-only view of an API Gateway REST proxy event: headers by case-insensitive name, path and query parameters,
 * and the body, checked for media type and size before it is parsed.
 */
public final class ApiRequest {
  /** Product documents are a few kilobytes; anything larger is refused before parsing. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final APIGatewayProxyRequestEvent event;
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final String requestId;
  private final RequestMetrics metrics = new RequestMetrics();
  private Caller caller;
  private boolean callerRead;

  public ApiRequest(APIGatewayProxyRequestEvent event, Context context) {
    this.event = event;
    if (event.getHeaders() != null) {
      headers.putAll(event.getHeaders());
    }
    combineHeaderLines(event.getMultiValueHeaders());
    var requestContext = event.getRequestContext();
    if (requestContext != null && requestContext.getRequestId() != null) {
      requestId = requestContext.getRequestId();
    } else {
      requestId = context != null ? context.getAwsRequestId() : "unknown";
    }
  }

  /**
   * A client may send a list such as If-Match on several lines, which RFC 9110 section 5.3 reads as one value joined
   * by commas; API Gateway's single-value map keeps only the last line, so the multi-value map, when given, wins. A
   * repeated singleton header (Content-Type) thereby becomes an invalid value rather than one silently picked.
   */
  private void combineHeaderLines(Map<String, List<String>> lines) {
    if (lines == null) {
      return;
    }
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    lines.forEach(
        (name, values) -> {
          if (values != null) {
            byName.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
          }
        });
    byName.forEach(
        (name, values) -> {
          if (!values.isEmpty()) {
            headers.put(name, String.join(", ", values));
          }
        });
  }

  /**
   * The caller API Gateway's authorizer verified, or null when none ran (a public route). Read from the claims, and a
   * person's groups from the verified token in {@code Authorization} ({@link Caller}), once: the access check, the
   * audit fields and the request line all ask for it.
   */
  public Caller caller() {
    if (!callerRead) {
      var requestContext = event.getRequestContext();
      caller =
          requestContext == null
              ? null
              : Caller.from(requestContext.getAuthorizer(), header("Authorization"));
      callerRead = true;
    }
    return caller;
  }

  public String requestId() {
    return requestId;
  }

  /** The counts this request adds to the function's metrics, published with its log line. */
  public RequestMetrics metrics() {
    return metrics;
  }

  public String method() {
    return event.getHttpMethod();
  }

  public String path() {
    return event.getPath();
  }

  /** The route's path as the template writes it, e.g. {@code /products/{id}}; null outside API Gateway. */
  public String resource() {
    return event.getResource();
  }

  /**
   * The path the client requested, with the stage or base path API Gateway stripped from {@link #path()}: the base
   * for Location headers.
   */
  public String publicPath() {
    var requestContext = event.getRequestContext();
    return requestContext != null && requestContext.getPath() != null
        ? requestContext.getPath()
        : event.getPath();
  }

  /**
   * What precedes the route in {@link #publicPath()}: the stage ({@code /v1}) on the API's own domain, a custom
   * domain's base path, or nothing (locally). Counted in segments of the route's {@link #resource()}, so a path
   * parameter's spelling in the request ({@code abc%2D1}) does not matter. Empty without a resource.
   */
  public String basePath() {
    String resource = resource();
    String path = publicPath();
    if (resource == null || path == null) {
      return "";
    }
    int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
    for (int i = 0; i < resource.length(); i++) {
      if (resource.charAt(i) == '/') {
        end = end <= 0 ? -1 : path.lastIndexOf('/', end - 1);
      }
    }
    return end <= 0 ? "" : path.substring(0, end);
  }

  /**
   * {@code value} as one path segment of a URI (RFC 3986, section 3.3): percent-encoded (UTF-8, upper-case hex) only
   * where a segment needs it, so the same value is always spelt the same.
   */
  public static String pathSegment(String value) {
    StringBuilder segment = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
        segment.append(c);
      } else {
        segment.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return segment.toString();
  }

  /** The header's value, or null; the lines of a repeated header are joined with ", ". */
  public String header(String name) {
    return headers.get(name);
  }

  public String pathParameter(String name) {
    Map<String, String> parameters = event.getPathParameters();
    return parameters == null ? null : parameters.get(name);
  }

  /** The query parameter's value, or null; {@link #requireQueryParameters} has refused a repeated one. */
  public String queryParameter(String name) {
    Map<String, String> single = event.getQueryStringParameters();
    return single == null ? null : single.get(name);
  }

  /** The names of all query parameters the client sent, in order. */
  public Set<String> queryParameterNames() {
    Set<String> names = new TreeSet<>();
    if (event.getQueryStringParameters() != null) {
      names.addAll(event.getQueryStringParameters().keySet());
    }
    if (event.getMultiValueQueryStringParameters() != null) {
      names.addAll(event.getMultiValueQueryStringParameters().keySet());
    }
    return names;
  }

  /**
   * Refuses with a 400 a query parameter not in {@code accepted}, so a misspelt one cannot silently change nothing,
   * and one given more than once, since picking one of its values would be a guess.
   */
  public void requireQueryParameters(Set<String> accepted) {
    Map<String, List<String>> multi = event.getMultiValueQueryStringParameters();
    for (String name : queryParameterNames()) {
      if (!accepted.contains(name)) {
        throw invalidQuery(
            "Unknown query parameter '" + name + "'; this route takes " + names(accepted) + ".");
      }
      if (multi != null && multi.get(name) != null && multi.get(name).size() > 1) {
        throw invalidQuery("Query parameter '" + name + "' must be given at most once.");
      }
    }
  }

  /** "none", "a", "a and b", "a, b and c". */
  private static String names(Set<String> accepted) {
    List<String> sorted = List.copyOf(new TreeSet<>(accepted));
    return switch (sorted.size()) {
      case 0 -> "none";
      case 1 -> sorted.get(0);
      default ->
          String.join(", ", sorted.subList(0, sorted.size() - 1))
              + " and "
              + sorted.get(sorted.size() - 1);
    };
  }

  private static HttpError invalidQuery(String detail) {
    return HttpError.badRequest("invalid-query", "Invalid query parameter", detail);
  }

  /** The raw body as bytes (UTF-8 for text bodies), for hashing; null when there is none. */
  public byte[] bodyBytes() {
    String body = event.getBody();
    if (body == null) {
      return null;
    }
    return Boolean.TRUE.equals(event.getIsBase64Encoded())
        ? JsonBody.decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The body as a JSON object, after checking that its media type is {@code mediaType} (with an optional UTF-8
   * charset), that it is present, and that it is at most {@link #MAX_BODY_BYTES}.
   */
  public ObjectNode jsonBody(String mediaType, String acceptHeader) {
    requireMediaType(mediaType, acceptHeader);
    return JsonBody.read(
        event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded()), MAX_BODY_BYTES);
  }

  private void requireMediaType(String expected, String acceptHeader) {
    String contentType = header("Content-Type");
    if (contentType == null || !MediaTypes.matches(contentType, expected)) {
      throw HttpError.unsupportedMediaType(
          "Send the body as "
              + expected
              + (contentType == null
                  ? "; no Content-Type was given."
                  : ", not " + contentType.toLowerCase(Locale.ROOT) + "."),
          acceptHeader,
          expected);
    }
  }
}

package dev.catalog.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.catalog.testing.ProxyEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Converts between HTTP and the proxy integration, as API Gateway's REST API does: a request becomes the
 * {@link APIGatewayProxyRequestEvent} it would send (through the one event builder, {@link ProxyEvents}), and the
 * function's {@link APIGatewayProxyResponseEvent} becomes the HTTP response, with the headers API Gateway adds.
 */
final class HttpExchanges {
  /** Framing headers a function cannot set; API Gateway passes them on renamed, and so does this. */
  private static final Set<String> REMAPPED = Set.of("connection", "content-length", "transfer-encoding", "date");

  private HttpExchanges() {}

  /** A request as received: raw path and query (still percent-encoded), header lines, body. */
  record Incoming(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
      byte[] body, String sourceIp, String protocol, Instant received) {
    String pathAndQuery() {
      return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }
  }

  /**
   * Reads the request. Header names are restored to their usual spelling ({@code Content-Type}): the JDK server keeps
   * only a normalised form ({@code Content-type}). API Gateway adds the X-Forwarded-* headers, and so does this.
   *
   * @return null when the body is over API Gateway's payload limit
   */
  static Incoming read(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(GatewayError.MAX_PAYLOAD_BYTES + 1);
    if (body.length > GatewayError.MAX_PAYLOAD_BYTES) {
      return null;
    }
    String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      String spelled = spelling(name);
      if (!spelled.startsWith("X-Forwarded-")) {
        values.forEach(value -> headers.add(Map.entry(spelled, value)));
      }
    });
    String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
    headers.add(Map.entry("X-Forwarded-For", forwardedFor == null ? sourceIp : forwardedFor + ", " + sourceIp));
    headers.add(Map.entry("X-Forwarded-Port", Integer.toString(exchange.getLocalAddress().getPort())));
    headers.add(Map.entry("X-Forwarded-Proto", "http"));
    return new Incoming(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), headers, body, sourceIp, exchange.getProtocol(), Instant.now());
  }

  /** {@code content-type} and {@code Content-type} as {@code Content-Type}. */
  static String spelling(String name) {
    StringBuilder spelled = new StringBuilder(name.length());
    boolean wordStart = true;
    for (char c : name.toCharArray()) {
      spelled.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
      wordStart = c == '-';
    }
    return spelled.toString();
  }

  /** The event API Gateway would send the function serving {@code resource}. */
  static APIGatewayProxyRequestEvent event(Incoming request, String resource, Map<String, String> pathParameters,
      String stage, Map<String, String> stageVariables, String requestId) {
    return ProxyEvents.request(request.method(), request.pathAndQuery())
        .resource(resource)
        .pathParameters(pathParameters)
        .headers(request.headers())
        .body(request.body())
        .stage(stage)
        .stageVariables(stageVariables)
        .requestId(requestId)
        .sourceIp(request.sourceIp())
        .protocol(request.protocol())
        .requestTime(request.received())
        .build();
  }

  /**
   * Sends the function's response: {@code multiValueHeaders} merged with {@code headers} (a name in both keeps the
   * multi-value list, as API Gateway merges them), a base64 body decoded, Content-Type application/json when none.
   *
   * @throws MalformedResponse when API Gateway would not accept the response (it answers 502)
   */
  static void send(HttpExchange exchange, Object returned, String requestId) throws IOException, MalformedResponse {
    if (!(returned instanceof APIGatewayProxyResponseEvent response)) {
      throw new MalformedResponse("the handler returned " + (returned == null ? "null" : returned.getClass().getName())
          + ", not an APIGatewayProxyResponseEvent");
    }
    Integer status = response.getStatusCode();
    if (status == null || status < 100 || status > 599) {
      throw new MalformedResponse("the response has no valid statusCode (" + status + ")");
    }
    byte[] body = body(response);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> {
        if (values != null) {
          headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
        }
      });
    }
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) ->
          headers.computeIfAbsent(name, n -> new ArrayList<>(List.of(value))));
    }
    Headers out = exchange.getResponseHeaders();
    headers.forEach((name, values) -> out.put(REMAPPED.contains(name.toLowerCase(Locale.ROOT))
        ? "X-Amzn-Remapped-" + name : name, values));
    if (body.length > 0 && !headers.containsKey("Content-Type")) {
      out.set("Content-Type", "application/json");
    }
    write(exchange, status, body, requestId);
  }

  private static byte[] body(APIGatewayProxyResponseEvent response) throws MalformedResponse {
    String body = response.getBody();
    if (body == null) {
      return new byte[0];
    }
    if (!Boolean.TRUE.equals(response.getIsBase64Encoded())) {
      return body.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new MalformedResponse("isBase64Encoded is true but the body is not base64");
    }
  }

  /** One of API Gateway's own answers. */
  static void send(HttpExchange exchange, GatewayError error, String requestId) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-ErrorType", error.errorType);
    write(exchange, error.status, error.body.getBytes(StandardCharsets.UTF_8), requestId);
  }

  private static void write(HttpExchange exchange, int status, byte[] body, String requestId) throws IOException {
    Headers out = exchange.getResponseHeaders();
    out.set("x-amzn-RequestId", requestId);
    out.set("x-amz-apigw-id", HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12));
    out.set("X-Amzn-Trace-Id", "Root=1-" + HexFormat.of().toHexDigits((int) (System.currentTimeMillis() / 1000))
        + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "00000000");
    boolean noBody = body.length == 0 || status == 204 || status == 304 || status < 200
        || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
    exchange.close();
  }

  /** A function response API Gateway would refuse with 502. */
  static final class MalformedResponse extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedResponse(String message) {
      super(message);
    }
  }
}

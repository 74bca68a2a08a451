package dev.catalog.local.events.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.auth.GatewayResponses;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
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
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * Converts between HTTP and the proxy integration, as API Gateway's REST API does: a request becomes the
 * {@link APIGatewayProxyRequestEvent} it would send (through the one event builder, {@link ProxyEvents}), and the
 * function's {@link APIGatewayProxyResponseEvent} becomes the HTTP response, with the headers API Gateway adds.
 */
final class HttpExchanges {
  /** Framing headers a function cannot set; API Gateway passes them on renamed, and so does this. */
  private static final Set<String> REMAPPED =
      Set.of("connection", "content-length", "transfer-encoding", "date");

  private HttpExchanges() {}

  /** A request as received: raw path and query (still percent-encoded), header lines, body. */
  record Incoming(
      String method,
      String rawPath,
      String rawQuery,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      String sourceIp,
      String protocol,
      Instant received) {
    String pathAndQuery() {
      return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }
  }

  /**
   * Reads the request: the request target exactly as sent (even a path or query that is not a valid URI, see
   * {@link RawTargetConnections}), header names in their usual spelling ({@code Content-Type}), and the
   * X-Forwarded-* headers API Gateway adds.
   *
   * @return null when the body is over API Gateway's payload limit
   */
  static Incoming read(Request request) throws IOException {
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(GatewayError.MAX_PAYLOAD_BYTES + 1);
    }
    if (body.length > GatewayError.MAX_PAYLOAD_BYTES) {
      return null;
    }
    String sourceIp =
        ((InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress())
            .getAddress()
            .getHostAddress();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (var field : request.getHeaders()) {
      String spelled = spelling(field.getName());
      if (!spelled.startsWith("X-Forwarded-")) {
        headers.add(Map.entry(spelled, field.getValue()));
      }
    }
    String forwardedFor = request.getHeaders().get("X-Forwarded-For");
    headers.add(
        Map.entry(
            "X-Forwarded-For", forwardedFor == null ? sourceIp : forwardedFor + ", " + sourceIp));
    headers.add(Map.entry("X-Forwarded-Port", Integer.toString(Request.getLocalPort(request))));
    headers.add(Map.entry("X-Forwarded-Proto", "http"));
    String path = RawTargetConnections.rawTarget(request.getHttpURI().getPath());
    return new Incoming(
        request.getMethod(),
        path == null ? "" : path,
        RawTargetConnections.rawTarget(request.getHttpURI().getQuery()),
        headers,
        body,
        sourceIp,
        request.getConnectionMetaData().getProtocol(),
        Instant.now());
  }

  /**
   * Whether the request's body is framed by no transfer coding or by chunked alone, the one coding API Gateway
   * implements (RFC 9112 section 6.1). Jetty undoes a final chunked itself and refuses a list without one, but
   * passes a coding before it ({@code gzip, chunked}) on to the application with the body still so coded.
   */
  static boolean chunkedOrNoTransferCoding(Request request) {
    List<String> codings = new ArrayList<>();
    for (String value : request.getHeaders().getValuesList("Transfer-Encoding")) {
      for (String coding : value.split(",")) {
        if (!coding.isBlank()) {
          codings.add(coding.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return codings.isEmpty() || codings.equals(List.of("chunked"));
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
  static APIGatewayProxyRequestEvent event(
      Incoming request,
      String resource,
      Map<String, String> pathParameters,
      String stage,
      Map<String, String> stageVariables,
      String requestId,
      Map<String, String> claims) {
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
        .authorizerClaims(claims)
        .build();
  }

  /**
   * Sends the function's response: {@code multiValueHeaders} merged with {@code headers} (a name in both keeps the
   * multi-value list, as API Gateway merges them), a base64 body decoded, Content-Type application/json when none.
   *
   * @throws MalformedResponse when API Gateway would not accept the response (it answers 502)
   */
  static void send(Request request, Response reply, Object returned, String requestId)
      throws IOException, MalformedResponse {
    if (!(returned instanceof APIGatewayProxyResponseEvent response)) {
      throw new MalformedResponse(
          "the handler returned "
              + (returned == null ? "null" : returned.getClass().getName())
              + ", not an APIGatewayProxyResponseEvent");
    }
    Integer status = response.getStatusCode();
    if (status == null || status < 100 || status > 599) {
      throw new MalformedResponse("the response has no valid statusCode (" + status + ")");
    }
    byte[] body = body(response);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (response.getMultiValueHeaders() != null) {
      response
          .getMultiValueHeaders()
          .forEach(
              (name, values) -> {
                if (values != null) {
                  headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
                }
              });
    }
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach(
              (name, value) -> headers.computeIfAbsent(name, n -> new ArrayList<>(List.of(value))));
    }
    HttpFields.Mutable out = reply.getHeaders();
    headers.forEach(
        (name, values) ->
            values.forEach(
                value ->
                    out.add(
                        REMAPPED.contains(name.toLowerCase(Locale.ROOT))
                            ? "X-Amzn-Remapped-" + name
                            : name,
                        value)));
    if (body.length > 0 && !headers.containsKey("Content-Type")) {
      out.put("Content-Type", "application/json");
    }
    write(request, reply, status, body, requestId);
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

  /** One of API Gateway's own answers as the template's gateway responses shape it. */
  static void send(
      Request request,
      Response reply,
      GatewayResponses.Rendered rendered,
      String errorType,
      String requestId)
      throws IOException {
    rendered.headers().forEach(reply.getHeaders()::put);
    reply.getHeaders().put("x-amzn-ErrorType", errorType);
    write(
        request,
        reply,
        rendered.status(),
        rendered.body().getBytes(StandardCharsets.UTF_8),
        requestId);
  }

  /** As {@link #sendJson(Request, Response, int, String, String)}, of the media type {@code contentType}. */
  static void sendJson(
      Request request,
      Response reply,
      int status,
      String contentType,
      String body,
      String requestId)
      throws IOException {
    reply.getHeaders().put("Content-Type", contentType);
    reply.getHeaders().put("Cache-Control", "no-store");
    write(request, reply, status, body.getBytes(StandardCharsets.UTF_8), requestId);
  }

  /** A JSON answer of the local API's own (the development issuer's endpoints). */
  static void sendJson(Request request, Response reply, int status, String body, String requestId)
      throws IOException {
    reply.getHeaders().put("Content-Type", "application/json");
    reply.getHeaders().put("Cache-Control", "no-store");
    write(request, reply, status, body.getBytes(StandardCharsets.UTF_8), requestId);
  }

  /** A problem of the local API's own (RFC 9457), e.g. a development endpoint refused to another host. */
  static void sendProblem(
      Request request, Response reply, int status, String title, String detail, String requestId)
      throws IOException {
    ObjectNode problem = JsonNodeFactory.instance.objectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("requestId", requestId);
    reply.getHeaders().put("Content-Type", "application/problem+json");
    reply.getHeaders().put("Cache-Control", "no-store");
    write(request, reply, status, problem.toString().getBytes(StandardCharsets.UTF_8), requestId);
  }

  /** Writes the whole response and waits until it is sent, so the caller's thread is free afterwards. */
  private static void write(
      Request request, Response reply, int status, byte[] body, String requestId)
      throws IOException {
    HttpFields.Mutable out = reply.getHeaders();
    out.put("x-amzn-RequestId", requestId);
    out.put(
        "x-amz-apigw-id",
        HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12));
    out.put(
        "X-Amzn-Trace-Id",
        "Root=1-"
            + HexFormat.of().toHexDigits((int) (System.currentTimeMillis() / 1000))
            + "-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
            + "00000000");
    // The answer to HEAD is the GET's without its content: the function returns the GET's body, and
    // the server sends its length, not the body (RFC 9110 sections 8.6 and 9.3.2; Jetty sends no
    // content in the answer to a HEAD).
    boolean noBody = body.length == 0 || status == 204 || status == 304 || status < 200;
    reply.setStatus(status);
    try (Blocker.Callback sent = Blocker.callback()) {
      reply.write(true, ByteBuffer.wrap(noBody ? new byte[0] : body), sent);
      sent.block();
    }
  }

  /** A function response API Gateway would refuse with 502. */
  static final class MalformedResponse extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedResponse(String message) {
      super(message);
    }
  }
}

package dev.catalog.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DynamoDB endpoint on loopback that enforces IAM in front of another one (DynamoDB Local in this JVM, or any
 * endpoint outside): each request's caller is the access key id of its SigV4 {@code Authorization} header, a
 * function's logical id; every action and resource the request needs ({@link DynamoDbAccess}) is evaluated against
 * that function's {@link FunctionPolicy}. A call the policy allows is passed on unchanged and its answer returned as
 * is; one it does not is answered with DynamoDB's {@code AccessDeniedException} and never reaches the database. A key
 * that names no function gets {@code UnrecognizedClientException}, as an unknown key does in AWS.
 *
 * <p>Signatures are not verified: the keys are local, and the point is who calls, not whether they know a secret.
 */
public final class IamEndpoint implements AutoCloseable {
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

  /** Headers the JDK's client sets itself, or that describe this hop only. */
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "host",
          "content-length",
          "connection",
          "expect",
          "upgrade",
          "transfer-encoding",
          "keep-alive");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI upstream;
  private final Map<String, FunctionPolicy> policies;
  private final DynamoDbAccess access;
  private final String accountId;
  private final IamCall.Listener listener;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;

  private IamEndpoint(
      URI upstream,
      Map<String, FunctionPolicy> policies,
      String region,
      String accountId,
      IamCall.Listener listener)
      throws IOException {
    this.upstream = upstream;
    this.policies = Map.copyOf(policies);
    this.access = new DynamoDbAccess(region, accountId);
    this.accountId = accountId;
    this.listener = listener;
    this.client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Starts enforcing on a free loopback port.
   *
   * @param upstream where allowed calls go, e.g. DynamoDB Local's endpoint
   * @param policies by function logical id (the access key ids it accepts)
   */
  public static IamEndpoint start(
      URI upstream,
      Map<String, FunctionPolicy> policies,
      String region,
      String accountId,
      IamCall.Listener listener) {
    try {
      return new IamEndpoint(upstream, policies, region, accountId, listener);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on the loopback interface", e);
    }
  }

  /** Where the functions send their DynamoDB calls, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public URI upstream() {
    return upstream;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String caller = caller(exchange.getRequestHeaders().getFirst("Authorization"));
      FunctionPolicy policy = caller == null ? null : policies.get(caller);
      if (policy == null) {
        reply(
            exchange,
            AccessDenied.UNRECOGNIZED_CLIENT,
            "The security token included in the request is invalid.");
        return;
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
      for (DynamoDbAccess.Access needed : access.of(operation, request)) {
        FunctionPolicy.Decision decision = policy.evaluate(needed.action(), needed.resource());
        String message =
            decision == FunctionPolicy.Decision.ALLOWED
                ? null
                : AccessDenied.message(
                    accountId, caller, needed.action(), needed.resource(), decision);
        listener.decided(
            new IamCall(caller, needed.action(), needed.resource(), decision, message));
        if (message != null) {
          reply(exchange, AccessDenied.ACCESS_DENIED, message);
          return;
        }
      }
      forward(exchange, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The access key id of a SigV4 {@code Authorization} header: who signed the request; null without one. */
  public static String caller(String authorization) {
    if (authorization == null) {
      return null;
    }
    Matcher matcher = CREDENTIAL.matcher(authorization);
    return matcher.find() ? matcher.group(1) : null;
  }

  private void forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    HttpResponse<byte[]> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
              }
            });
    send(exchange, response.statusCode(), response.body());
  }

  private static void reply(HttpExchange exchange, String type, String message) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", AccessDenied.CONTENT_TYPE);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    send(exchange, 400, AccessDenied.body(type, message).getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    client.shutdownNow();
    threads.shutdownNow();
  }
}

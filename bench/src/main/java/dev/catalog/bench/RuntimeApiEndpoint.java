package dev.catalog.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The Lambda Runtime API (version 2018-06-01) served on loopback for one function process. The runtime long-polls
 * {@code next}; {@link #invoke} answers one parked poll with an event and waits for its {@code response} or
 * {@code error}, the way the Lambda service hands an execution environment one event at a time.
 */
final class RuntimeApiEndpoint implements AutoCloseable {

  static final String BASE = "/2018-06-01/runtime";
  private static final String INVOCATION = BASE + "/invocation/";

  static {
    // The JDK server leaves Nagle on by default, which can hold an event's body back behind its
    // headers.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final String functionArn;
  private final Duration functionTimeout;
  private final BlockingQueue<HttpExchange> parkedPolls = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Reply>> inFlight = new ConcurrentHashMap<>();
  private volatile long firstPollNanos;
  private volatile String initError;

  /** @param functionTimeout the function's {@code Timeout}, from which each event's deadline is computed */
  RuntimeApiEndpoint(String functionName, Duration functionTimeout) throws IOException {
    this.functionTimeout = functionTimeout;
    functionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    // The default executor is the dispatcher thread: no handler blocks, since polls are parked, not
    // held.
    server.createContext(INVOCATION, this::onInvocationPath);
    server.createContext(BASE + "/init/error", this::onInitError);
    server.start();
  }

  /** The value of {@code AWS_LAMBDA_RUNTIME_API}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** {@link System#nanoTime()} when the runtime first asked for an event, the end of its init; 0 before. */
  long firstPollNanos() {
    return firstPollNanos;
  }

  /**
   * Hands {@code event} to the runtime once it polls, and returns its answer.
   *
   * @param runtimeAlive checked while waiting, so that a crashed runtime fails the call instead of hanging it
   */
  Reply invoke(byte[] event, Duration timeout, BooleanSupplier runtimeAlive) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpExchange poll =
        await(() -> parkedPolls.poll(50, TimeUnit.MILLISECONDS), deadline, runtimeAlive, "poll");
    String requestId = UUID.randomUUID().toString();
    CompletableFuture<Reply> answer = new CompletableFuture<>();
    inFlight.put(requestId, answer);
    var headers = poll.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("Lambda-Runtime-Aws-Request-Id", requestId);
    headers.set(
        "Lambda-Runtime-Deadline-Ms",
        Long.toString(System.currentTimeMillis() + functionTimeout.toMillis()));
    headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
    headers.set("Lambda-Runtime-Trace-Id", traceId());
    long sent = System.nanoTime();
    poll.sendResponseHeaders(200, event.length);
    try (OutputStream body = poll.getResponseBody()) {
      body.write(event);
    }
    Reply reply =
        await(
            () -> {
              try {
                return answer.get(50, TimeUnit.MILLISECONDS);
              } catch (java.util.concurrent.TimeoutException e) {
                return null;
              } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
              }
            },
            deadline,
            runtimeAlive,
            "answer to " + requestId);
    return reply.sentAt(sent);
  }

  private <T> T await(Poll<T> poll, long deadline, BooleanSupplier runtimeAlive, String what) {
    try {
      while (true) {
        T value = poll.next();
        if (value != null) {
          return value;
        }
        if (initError != null) {
          throw new IllegalStateException("runtime reported an init error: " + initError);
        }
        if (!runtimeAlive.getAsBoolean()) {
          throw new IllegalStateException(
              "runtime exited while the benchmark waited for its " + what);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out waiting for the runtime's " + what);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the runtime's " + what, e);
    }
  }

  private interface Poll<T> {
    T next() throws InterruptedException;
  }

  private void onInvocationPath(HttpExchange exchange) throws IOException {
    String rest = exchange.getRequestURI().getPath().substring(INVOCATION.length());
    String method = exchange.getRequestMethod();
    if (rest.equals("next")) {
      if (!method.equals("GET")) {
        respond(exchange, 405, "");
        return;
      }
      if (firstPollNanos == 0) {
        firstPollNanos = System.nanoTime();
      }
      parkedPolls.add(exchange);
      return;
    }
    int slash = rest.indexOf('/');
    String kind = slash < 0 ? "" : rest.substring(slash + 1);
    if (!kind.equals("response") && !kind.equals("error")) {
      respond(exchange, 404, "{\"errorMessage\":\"unknown path\",\"errorType\":\"NotFound\"}");
      return;
    }
    if (!method.equals("POST")) {
      respond(exchange, 405, "");
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    long received = System.nanoTime();
    CompletableFuture<Reply> answer = inFlight.remove(rest.substring(0, slash));
    if (answer == null) {
      respond(
          exchange,
          400,
          "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
      return;
    }
    String errorType =
        kind.equals("error")
            ? Objects.requireNonNullElse(
                exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                "Unknown")
            : null;
    respond(exchange, 202, "{\"status\":\"OK\"}");
    answer.complete(new Reply(errorType, body, 0, received));
  }

  private void onInitError(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      respond(exchange, 405, "");
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    initError =
        exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")
            + " "
            + new String(body, StandardCharsets.UTF_8);
    respond(exchange, 202, "{\"status\":\"OK\"}");
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }

  private static String traceId() {
    var random = ThreadLocalRandom.current();
    return "Root=1-%08x-%012x%012x;Parent=%016x;Sampled=0"
        .formatted(
            System.currentTimeMillis() / 1000,
            random.nextLong(1L << 48),
            random.nextLong(1L << 48),
            random.nextLong());
  }

  @Override
  public void close() {
    for (HttpExchange poll; (poll = parkedPolls.poll()) != null; ) {
      poll.close();
    }
    server.stop(0);
  }

  /**
   * What the runtime answered to one event.
   *
   * @param errorType null for {@code /response}, the {@code Lambda-Runtime-Function-Error-Type} for {@code /error}
   * @param sentNanos when the event was handed over; {@code receivedNanos} when the whole answer had arrived
   */
  record Reply(String errorType, byte[] body, long sentNanos, long receivedNanos) {
    boolean isError() {
      return errorType != null;
    }

    long nanos() {
      return receivedNanos - sentNanos;
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Reply sentAt(long sent) {
      return new Reply(errorType, body, sent, receivedNanos);
    }
  }
}

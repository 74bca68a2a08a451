package dev.catalog.testing.faults;

import dev.catalog.local.dynamodb.DynamoDbFront;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DynamoDB endpoint on loopback that passes calls on to another one (DynamoDB Local, or the IAM endpoint in front
 * of it) and injects the faults its {@link FaultPlan} chooses: DynamoDB's own throttling and server errors, late
 * responses, and connections reset before or after the call was applied. It speaks HTTP/1.1 on raw sockets, because
 * a reset (TCP RST) is something no HTTP server library lets a handler do.
 */
public final class FaultProxy implements DynamoDbFront {
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "host",
          "content-length",
          "connection",
          "expect",
          "upgrade",
          "transfer-encoding",
          "keep-alive");

  private final URI upstream;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<Class<? extends Fault>, AtomicInteger> injected = new ConcurrentHashMap<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile FaultPlan plan = FaultPlan.none();

  private FaultProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    this.client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  /** Starts on a free loopback port, passing every call to {@code upstream} until a plan says otherwise. */
  public static FaultProxy start(URI upstream) {
    try {
      return new FaultProxy(upstream);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on the loopback interface", e);
    }
  }

  @Override
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Installs {@code plan} and starts counting each operation's calls from zero again. */
  public void plan(FaultPlan plan) {
    calls.clear();
    injected.clear();
    this.plan = plan;
  }

  /** Calls of {@code operation} since the plan was installed. */
  public int calls(String operation) {
    AtomicInteger count = calls.get(operation);
    return count == null ? 0 : count.get();
  }

  /** Faults of this kind injected since the plan was installed. */
  public int injected(Class<? extends Fault> kind) {
    AtomicInteger count = injected.get(kind);
    return count == null ? 0 : count.get();
  }

  /** Faults of every kind injected since the plan was installed. */
  public int injected() {
    return injected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Serves the requests of one kept-alive connection until the client closes it or a fault resets it. */
  private void serve(Socket socket) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream()) {
      RawRequest request;
      while ((request = RawRequest.read(in, out)) != null) {
        String operation = request.operation();
        int number = calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        Fault fault = plan.faultFor(operation, number);
        if (fault != null) {
          injected.computeIfAbsent(fault.getClass(), k -> new AtomicInteger()).incrementAndGet();
        }
        if (!answer(request, fault, socket, out)) {
          return;
        }
      }
    } catch (IOException | InterruptedException gone) {
      // The client went away, or the proxy is closing: nothing to answer.
    } finally {
      open.remove(socket);
    }
  }

  /** Answers one request as {@code fault} says; false when the connection was reset. */
  private boolean answer(RawRequest request, Fault fault, Socket socket, OutputStream out)
      throws IOException, InterruptedException {
    switch (fault) {
      case null -> write(out, forward(request));
      case Fault.Throttle throttle ->
          write(
              out,
              Answer.error(
                  400, throttle.type(), "Rate of requests exceeds the allowed throughput."));
      case Fault.ServerError error ->
          write(
              out,
              error.status() == 500
                  ? Answer.error(
                      500,
                      "com.amazonaws.dynamodb.v20120810#InternalServerError",
                      "Internal server error")
                  : Answer.error(
                      503,
                      "com.amazon.coral.availability#ServiceUnavailableException",
                      "Service unavailable"));
      case Fault.RestError error ->
          write(
              out,
              new Answer(
                  error.status(),
                  "Content-Type: application/json\r\n"
                      + "x-amzn-ErrorType: "
                      + error.errorType()
                      + "\r\nx-amzn-RequestId: "
                      + UUID.randomUUID()
                      + "\r\n",
                  ("{\"message\":\"" + error.errorType() + "\"}")
                      .getBytes(StandardCharsets.UTF_8)));
      case Fault.Delay delay -> {
        Answer answer = forward(request);
        Thread.sleep(delay.duration());
        write(out, answer);
      }
      case Fault.ResetBeforeForwarding reset -> {
        reset(socket);
        return false;
      }
      case Fault.ResetAfterForwarding reset -> {
        forward(request);
        Thread.sleep(reset.hold());
        reset(socket);
        return false;
      }
    }
    return true;
  }

  private Answer forward(RawRequest request) throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(upstream.resolve(request.target()))
            .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
              }
            });
    HttpResponse<byte[]> response =
        client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(
                    value ->
                        head.writeBytes(
                            (name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
              }
            });
    return new Answer(
        response.statusCode(), head.toString(StandardCharsets.ISO_8859_1), response.body());
  }

  private static void write(OutputStream out, Answer answer) throws IOException {
    String head =
        "HTTP/1.1 "
            + answer.status()
            + " "
            + (answer.status() == 200 ? "OK" : "Error")
            + "\r\n"
            + answer.headers()
            + "Content-Length: "
            + answer.body().length
            + "\r\n\r\n";
    // One write: head and body in separate small segments would wait out the client's delayed ACK.
    ByteArrayOutputStream response =
        new ByteArrayOutputStream(head.length() + answer.body().length);
    response.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    response.writeBytes(answer.body());
    out.write(response.toByteArray());
    out.flush();
  }

  /** Closes with SO_LINGER 0, which sends a TCP RST: the client sees "connection reset", not a clean end. */
  private static void reset(Socket socket) throws SocketException {
    socket.setSoLinger(true, 0);
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already gone.
    }
  }

  /** A response as written to the client: status, header lines, body. */
  private record Answer(int status, String headers, byte[] body) {
    static Answer error(int status, String type, String message) {
      String body = "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
      return new Answer(
          status,
          "Content-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: "
              + UUID.randomUUID()
              + "\r\n",
          body.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    open.forEach(
        socket -> {
          try {
            socket.close();
          } catch (IOException ignored) {
            // Closing anyway.
          }
        });
    client.shutdownNow();
    threads.shutdownNow();
  }
}

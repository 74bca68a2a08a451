package dev.catalog.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SNS endpoint on loopback in front of another (the local one, {@code DynamoDbLocal.sns()}, or moto's) that
 * injects the faults a publisher meets in the cloud into Publish calls: {@link #throttle(int)} answers them as SNS
 * does when it throttles (HTTP 400 with the Query protocol's {@code Throttling} error) without forwarding them;
 * {@link #answerLate(int, Duration)} forwards them, so they are published, and holds the answer back past the client's
 * attempt timeout, as a slow first connection after a cold start does: the answer is lost to the client. Every other
 * request is forwarded as it came, its signature's access key with it, so the SNS behind still knows the caller.
 */
public final class SnsFaults implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "host", "expect", "transfer-encoding", "upgrade");
  private static final String THROTTLED =
      "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
          + "<Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
          + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>";

  private final HttpServer server;
  private final URI target;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger throttleNext = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger lateNext = new AtomicInteger();
  private final AtomicInteger answeredLate = new AtomicInteger();
  private final AtomicInteger forwardedPublishes = new AtomicInteger();
  private volatile Duration lateBy = Duration.ZERO;

  private SnsFaults(URI target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    // A held-back answer must not hold back the next request, the client's retry among them.
    server.setExecutor(threads);
    server.start();
  }

  /** Starts a proxy in front of {@code target}, e.g. {@code LocalSns.url()} or {@link MotoServer#endpoint()}. */
  public static SnsFaults inFrontOf(URI target) {
    try {
      return new SnsFaults(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Throttles the next {@code count} Publish calls ({@link Integer#MAX_VALUE}: until told otherwise). */
  public void throttle(int count) {
    throttleNext.set(count);
  }

  /**
   * Forwards the next {@code count} Publish calls and holds each answer back for {@code delay} (longer than the
   * client's attempt timeout: its answer is lost, though the message was published).
   */
  public void answerLate(int count, Duration delay) {
    lateBy = delay;
    lateNext.set(count);
  }

  /** No more faults, and every count back to 0. */
  public void reset() {
    throttleNext.set(0);
    lateNext.set(0);
    throttled.set(0);
    answeredLate.set(0);
    forwardedPublishes.set(0);
  }

  /** Publish calls forwarded whose answers were held back so far. */
  public int answeredLate() {
    return answeredLate.get();
  }

  /** Publish calls answered with throttling so far. */
  public int throttled() {
    return throttled.get();
  }

  /** Publish calls that reached the SNS behind. */
  public int forwardedPublishes() {
    return forwardedPublishes.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean publish = new String(body, StandardCharsets.UTF_8).contains("Action=Publish&");
      if (publish && throttleNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        throttled.incrementAndGet();
        send(exchange, 400, "text/xml", THROTTLED.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (publish) {
        forwardedPublishes.incrementAndGet();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (publish && lateNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        answeredLate.incrementAndGet();
        Thread.sleep(lateBy.toMillis());
      }
      send(
          exchange,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse("text/xml"),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}

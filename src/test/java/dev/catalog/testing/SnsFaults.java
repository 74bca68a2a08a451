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
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SNS endpoint on loopback in front of a real one (moto's) that answers Publish calls as SNS does when it
 * throttles: HTTP 400 with the Query protocol's {@code Throttling} error. {@link #throttle(int)} says how many of the
 * next Publish calls are throttled; every other request is forwarded as it came.
 */
public final class SnsFaults implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect",
      "transfer-encoding", "upgrade");
  private static final String THROTTLED = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
      + "<Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
      + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>";

  private final HttpServer server;
  private final URI target;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger throttleNext = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger forwardedPublishes = new AtomicInteger();

  private SnsFaults(URI target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a proxy in front of {@code target}, e.g. {@link MotoServer#endpoint()}. */
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
      HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase())) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      send(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse("text/xml"),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

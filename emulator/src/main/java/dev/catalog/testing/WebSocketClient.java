package dev.catalog.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client of the local WebSocket API for the tests (the JDK's {@link java.net.http.WebSocket}): it
 * keeps the text messages it receives, in order, and the close frame the server sent (status and reason).
 */
public final class WebSocketClient implements WebSocket.Listener, AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private volatile String closeReason;
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private WebSocketClient() {}

  /** Connects to {@code url}; completes exceptionally when the server refuses the handshake. */
  public static CompletableFuture<WebSocketClient> connect(URI url) {
    WebSocketClient client = new WebSocketClient();
    return HTTP.newWebSocketBuilder()
        .connectTimeout(WAIT)
        .buildAsync(url, client)
        .thenApply(
            socket -> {
              client.socket = socket;
              return client;
            });
  }

  /** Connects, failing the test when the handshake is refused. */
  public static WebSocketClient open(URI url) {
    return connect(url).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  public void send(String text) {
    socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  public void sendBinary(byte[] bytes) {
    socket
        .sendBinary(ByteBuffer.wrap(bytes), true)
        .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
        .join();
  }

  /** The next message received, or null when none comes within the wait. */
  public String next() throws InterruptedException {
    return next(WAIT);
  }

  public String next(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The status of the server's close frame, once it came (1006 when the connection dropped without one). */
  public CompletableFuture<Integer> closed() {
    return closed;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    webSocket.request(1);
    return null;
  }

  /** The reason of the server's close frame, once it came; null before, or when the connection dropped. */
  public String closeReason() {
    return closeReason;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeReason = reason;
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(1006);
  }

  /** Drops the connection without a close frame, as a vanished client does. */
  public void abort() {
    socket.abort();
  }

  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket
          .sendClose(WebSocket.NORMAL_CLOSURE, "")
          .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
          .exceptionally(failed -> null)
          .join();
    }
  }
}

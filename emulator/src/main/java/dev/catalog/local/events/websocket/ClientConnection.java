package dev.catalog.local.events.websocket;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The server's side of one client connection (Jetty calls it): registered in {@link Connections} once open, its
 * messages handed to the {@link WebSocketGateway} one at a time, closed by the server when it reaches its maximum
 * lifetime (1001 Going away, as API Gateway closes it), and removed, with {@code $disconnect}, however it ends.
 *
 * <p>API Gateway's message limit is enforced here rather than by Jetty: a message over
 * {@value #MAX_MESSAGE_BYTES} bytes of UTF-8 is read to its end, keeping none of it past the limit, and only then is
 * the connection closed with 1009. Jetty would close it the moment the limit was passed, with the rest of the
 * message still coming: a TCP connection closed with data unread is reset, and a reset client loses what it had
 * not read yet, the replies to its earlier messages and the close frame itself (it saw 1006). Messages are handled
 * one at a time, so by then every earlier message's reply has been sent, and the close frame follows them.
 * Public only because Jetty calls its listener methods reflectively.
 */
public final class ClientConnection implements Session.Listener.AutoDemanding {
  /** API Gateway's limit on a message: 128 KB. */
  static final int MAX_MESSAGE_BYTES = 128 * 1024;

  private final Connection connection;
  private final WebSocketGateway gateway;
  private final Lifecycle lifecycle;
  private volatile ScheduledFuture<?> lifetime;

  /** The text message being received; Jetty delivers the parts of one connection's messages one at a time. */
  private final StringBuilder message = new StringBuilder();

  private long messageBytes;

  /** Why the message being received is refused: the rest of it is read and dropped, then the connection closed. */
  private Refusal refusal;

  /** A message was refused and the connection is being closed: whatever the client sends after it is dropped. */
  private boolean refused;

  ClientConnection(Connection connection, WebSocketGateway gateway, Lifecycle lifecycle) {
    this.connection = connection;
    this.gateway = gateway;
    this.lifecycle = lifecycle;
  }

  /** How API Gateway closes a connection for a message it refuses. */
  private record Refusal(int status, String reason) {}

  private static final Refusal TOO_LARGE =
      new Refusal(StatusCode.MESSAGE_TOO_LARGE, "Message too big");
  private static final Refusal BINARY =
      new Refusal(StatusCode.BAD_DATA, "Binary frames are not supported: send text frames");

  /** Where connections are registered and timed. */
  record Lifecycle(
      Connections connections,
      ScheduledExecutorService timers,
      Duration maxLifetime,
      PrintStream console) {}

  @Override
  public void onWebSocketOpen(Session session) {
    connection.opened(session);
    lifecycle.connections().add(connection);
    lifetime =
        lifecycle
            .timers()
            .schedule(
                () -> connection.close(StatusCode.SHUTDOWN, "Going away"),
                lifecycle.maxLifetime().toMillis(),
                TimeUnit.MILLISECONDS);
  }

  /**
   * A part of a text message, as it arrives (a frame, or part of one); the message is routed once whole. Its size is
   * counted in UTF-8 bytes: a character split between parts counts with the part that completes it, so the total is
   * exact when the message ends, and never more than the bytes read before that.
   */
  @Override
  public void onWebSocketPartialText(String payload, boolean fin) {
    connection.active();
    if (refused) {
      return;
    }
    if (refusal == null) {
      messageBytes += utf8Length(payload);
      if (messageBytes > MAX_MESSAGE_BYTES) {
        refuse(TOO_LARGE);
      } else {
        message.append(payload);
      }
    }
    if (fin) {
      String whole = refusal == null ? message.toString() : null;
      ended();
      if (whole != null) {
        run(() -> gateway.message(connection, whole));
      }
    }
  }

  /**
   * A part of a binary message. API Gateway takes no binary frames (it "rejects it and disconnects the client with
   * code 1003"): none reaches a route, and once the message has been read the connection is closed with 1003.
   */
  @Override
  public void onWebSocketPartialBinary(ByteBuffer payload, boolean fin, Callback callback) {
    connection.active();
    callback.succeed();
    if (refused) {
      return;
    }
    if (refusal == null) {
      refuse(BINARY);
    }
    if (fin) {
      ended();
    }
  }

  private void refuse(Refusal why) {
    refusal = why;
    message.setLength(0);
    message.trimToSize();
  }

  /** The message was read to its end: closes the connection for a refused one. */
  private void ended() {
    Refusal why = refusal;
    message.setLength(0);
    messageBytes = 0;
    refusal = null;
    if (why != null) {
      refused = true;
      connection.close(why.status(), why.reason());
    }
  }

  /** Jetty reports every end here, after an error too: a close frame either way, 1006 for a dropped connection. */
  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    if (connection.end()) {
      lifecycle.connections().remove(connection);
      ScheduledFuture<?> timer = lifetime;
      if (timer != null) {
        timer.cancel(false);
      }
      try {
        run(() -> gateway.disconnect(connection, statusCode, reason));
      } finally {
        lifecycle.connections().ended();
      }
    }
  }

  /** The UTF-8 length of whole characters (a surrogate pair is 4 bytes, 2 per half). */
  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  private interface Step {
    void run() throws InterruptedException;
  }

  private void run(Step step) {
    try {
      step.run();
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException bug) {
      synchronized (lifecycle.console()) {
        lifecycle
            .console()
            .println(
                "[local WebSocket API] connection "
                    + connection.id()
                    + ": failed in the local tool itself");
        bug.printStackTrace(lifecycle.console());
      }
    }
  }
}

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
 * Public only because Jetty calls its listener methods reflectively.
 */
public final class ClientConnection implements Session.Listener.AutoDemanding {
  private final Connection connection;
  private final WebSocketGateway gateway;
  private final Lifecycle lifecycle;
  private volatile ScheduledFuture<?> lifetime;

  ClientConnection(Connection connection, WebSocketGateway gateway, Lifecycle lifecycle) {
    this.connection = connection;
    this.gateway = gateway;
    this.lifecycle = lifecycle;
  }

  /** Where connections are registered and timed. */
  record Lifecycle(Connections connections, ScheduledExecutorService timers, Duration maxLifetime,
      PrintStream console) {}

  @Override
  public void onWebSocketOpen(Session session) {
    connection.opened(session);
    lifecycle.connections().add(connection);
    lifetime = lifecycle.timers().schedule(() -> connection.close(StatusCode.SHUTDOWN, "Going away"),
        lifecycle.maxLifetime().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void onWebSocketText(String message) {
    connection.active();
    run(() -> gateway.message(connection, message, false));
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    connection.active();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    callback.succeed();
    run(() -> gateway.message(connection, WebSocketEvents.base64(bytes), true));
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
        lifecycle.console().println("[local WebSocket API] connection " + connection.id()
            + ": failed in the local tool itself");
        bug.printStackTrace(lifecycle.console());
      }
    }
  }
}

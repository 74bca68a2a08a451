package dev.catalog.local.events.websocket;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;

/**
 * The server's side of one client connection: registered in {@link Connections} once open, closed by the server
 * when it reaches its maximum lifetime (1001 Going Away, as API Gateway closes it), and removed however it ends.
 * Public only because Jetty calls its listener methods reflectively.
 */
public final class ClientConnection implements Session.Listener.AutoDemanding {
  private final Connection connection;
  private final Connections connections;
  private final ScheduledExecutorService timers;
  private final Duration maxLifetime;
  private volatile ScheduledFuture<?> lifetime;

  private ClientConnection(Connection connection, Connections connections, ScheduledExecutorService timers,
      Duration maxLifetime) {
    this.connection = connection;
    this.connections = connections;
    this.timers = timers;
    this.maxLifetime = maxLifetime;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    connection.opened(session);
    connections.add(connection);
    lifetime = timers.schedule(() -> connection.close(StatusCode.SHUTDOWN, "Going away"), maxLifetime.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void onWebSocketText(String message) {
    connection.active();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    ended();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    ended();
  }

  private void ended() {
    if (connection.end()) {
      connections.remove(connection);
      ScheduledFuture<?> timer = lifetime;
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  /** Creates the server side of each upgrade request. */
  static final class Factory {
    private final Connections connections;
    private final ScheduledExecutorService timers;
    private final Duration maxLifetime;
    private final PrintStream console;

    Factory(Connections connections, ScheduledExecutorService timers, Duration maxLifetime, PrintStream console) {
      this.connections = connections;
      this.timers = timers;
      this.maxLifetime = maxLifetime;
      this.console = console;
    }

    Object create(ServerUpgradeRequest request, ServerUpgradeResponse response,
        org.eclipse.jetty.util.Callback callback) {
      Connection connection = new Connection(Connections.newId(), Instant.now(), Request.getRemoteAddr(request),
          request.getHeaders().get("User-Agent"), null);
      return new ClientConnection(connection, connections, timers, maxLifetime);
    }
  }
}

package dev.catalog.local.events.websocket;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client connection, as API Gateway keeps it: its id, when it connected and was last active, who connected
 * (source IP, user agent), and the authorizer's context, which every later event of the connection carries.
 */
public final class Connection {
  private final String id;
  private final Instant connectedAt;
  private final String sourceIp;
  private final String userAgent;
  private volatile Object authorizer;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Instant lastActiveAt;
  private volatile Session session;

  Connection(String id, Instant connectedAt, String sourceIp, String userAgent) {
    this.id = id;
    this.connectedAt = connectedAt;
    this.lastActiveAt = connectedAt;
    this.sourceIp = sourceIp;
    this.userAgent = userAgent;
  }

  public String id() {
    return id;
  }

  public Instant connectedAt() {
    return connectedAt;
  }

  public Instant lastActiveAt() {
    return lastActiveAt;
  }

  public String sourceIp() {
    return sourceIp;
  }

  public String userAgent() {
    return userAgent;
  }

  /** What {@code requestContext.authorizer} holds in this connection's events (null without an authorizer). */
  Object authorizer() {
    return authorizer;
  }

  /** The authorizer let the connection through with this context. */
  void authorized(Object context) {
    this.authorizer = context;
  }

  void opened(Session session) {
    this.session = session;
  }

  void active() {
    lastActiveAt = Instant.now();
  }

  /** Sends one text message; false when the connection is closed (the caller answers 410). */
  boolean send(String text) {
    Session open = session;
    if (open == null || !open.isOpen()) {
      return false;
    }
    open.sendText(text, Callback.NOOP);
    return true;
  }

  /** Closes the connection from the server's side with a close frame. */
  void close(int status, String reason) {
    Session open = session;
    if (open != null && open.isOpen()) {
      open.close(status, reason, Callback.NOOP);
    }
  }

  /** True the first time only: the connection's end ($disconnect) is reported once, whatever ended it. */
  boolean end() {
    return ended.compareAndSet(false, true);
  }
}

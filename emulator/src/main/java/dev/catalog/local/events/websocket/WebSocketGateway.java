package dev.catalog.local.events.websocket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.console.RequestLog;
import dev.catalog.template.WebSocketApiDef;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;

/**
 * What API Gateway does with a WebSocket connection's life, route by route: runs {@code $connect} (its authorizer
 * first) before the handshake is answered, so its status decides whether the connection opens; selects a route for
 * each message and sends the client the function's body when that route has a route response, or API Gateway's own
 * error when the function fails or no route matches; runs {@code $disconnect} once when the connection ends, however
 * it ends.
 */
final class WebSocketGateway {
  private final WebSocketApiDef api;
  private final RouteInvoker invoker;
  private final WebSocketEvents events;
  private final ConnectAuthorizer authorizer;
  private final ClientConnection.Lifecycle lifecycle;
  private final PrintStream console;
  private final RequestLog requests;
  private final ObjectNode unauthenticated;

  /**
   * @param unauthenticated with authentication off, the authorizer context every connection gets without the
   *     authorizer running; null to run the template's authorizers
   */
  WebSocketGateway(
      WebSocketApiDef api,
      RouteInvoker invoker,
      WebSocketEvents events,
      ConnectAuthorizer authorizer,
      ClientConnection.Lifecycle lifecycle,
      PrintStream console,
      RequestLog requests,
      Map<String, String> unauthenticated) {
    this.api = api;
    this.invoker = invoker;
    this.events = events;
    this.authorizer = authorizer;
    this.lifecycle = lifecycle;
    this.console = console;
    this.requests = requests;
    if (unauthenticated == null) {
      this.unauthenticated = null;
    } else {
      this.unauthenticated = JsonNodeFactory.instance.objectNode();
      unauthenticated.forEach(this.unauthenticated::put);
    }
  }

  /** The handshake: the connection's listener when it is accepted; null, with the refusal sent, when not. */
  Object connect(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback)
      throws InterruptedException {
    WebSocketEvents.Handshake handshake = handshake(request);
    Connection connection =
        new Connection(
            Connections.newId(), Instant.now(), handshake.sourceIp(), handshake.userAgent());
    String requestId = Connections.newId();
    WebSocketApiDef.Route route = api.routes().get("$connect");
    if (route != null && route.authorizer() != null && unauthenticated != null) {
      connection.authorized(unauthenticated.deepCopy());
    } else if (route != null && route.authorizer() != null) {
      ConnectAuthorizer.Decision decision =
          authorizer.authorize(route.authorizer(), connection, handshake, requestId);
      if (decision.status() != 0) {
        return refuse(
            response,
            callback,
            decision.status(),
            decision.status() == 401
                ? "Unauthorized"
                : decision.status() == 403 ? "Forbidden" : "Internal server error",
            requestId);
      }
      connection.authorized(decision.context());
    }
    if (route != null) {
      RouteInvoker.Result result =
          invoke(route, connection, events.connect(connection, handshake, requestId), requestId);
      if (!result.succeeded()) {
        console.printf(
            "[local WebSocket API] $connect: 500, %s failed: %s%n",
            route.function(), result.errorMessage());
        return refuse(response, callback, 500, "Internal server error", requestId);
      }
      int status = result.statusCode();
      if (status < 200 || status > 299) {
        console.printf(
            "[local WebSocket API] $connect: %d from %s, connection refused%n",
            status, route.function());
        return refuse(response, callback, status, null, requestId);
      }
    }
    return new ClientConnection(connection, this, lifecycle);
  }

  /**
   * Runs the {@code $connect} route's authorizer as a handshake carrying {@code ?token=} (none when null) would run
   * it, without connecting: no route function runs, nothing is recorded. 200 when the authorizer allows it, or there
   * is none to run ({@code -Dlocal.auth=off}, or a route without one).
   */
  LocalWebSocketApi.ConnectCheck check(String token) throws InterruptedException {
    WebSocketApiDef.Route route = api.routes().get("$connect");
    if (route == null || route.authorizer() == null || unauthenticated != null) {
      return new LocalWebSocketApi.ConnectCheck(200, "no authorizer to pass");
    }
    Map<String, List<String>> query = token == null ? Map.of() : Map.of("token", List.of(token));
    WebSocketEvents.Handshake handshake =
        new WebSocketEvents.Handshake(Map.of(), query, "127.0.0.1", null);
    Connection connection = new Connection(Connections.newId(), Instant.now(), "127.0.0.1", null);
    ConnectAuthorizer.Decision decision =
        authorizer.authorize(
            route.authorizer(), connection, handshake, Connections.newId(), "$connect check");
    return new LocalWebSocketApi.ConnectCheck(
        decision.status() == 0 ? 200 : decision.status(),
        decision.status() == 0 ? "allowed" : decision.reason());
  }

  /** One text message from the client, through its route (binary ones reach no route: API Gateway refuses them). */
  void message(Connection connection, String body) throws InterruptedException {
    String requestId = Connections.newId();
    WebSocketApiDef.Route route = RouteSelection.select(api, body);
    if (route == null) {
      connection.send(error("Forbidden", connection, requestId));
      return;
    }
    RouteInvoker.Result result =
        invoke(
            route,
            connection,
            events.message(connection, route.routeKey(), body, requestId),
            requestId);
    if (!result.succeeded()) {
      console.printf(
          "[local WebSocket API] %s: %s failed: %s%n",
          route.routeKey(), route.function(), result.errorMessage());
      connection.send(error("Internal server error", connection, requestId));
    } else if (route.routeResponse() && result.body() != null) {
      connection.send(result.body());
    }
  }

  /** The connection ended: {@code $disconnect}, whose answer nobody receives. */
  void disconnect(Connection connection, int statusCode, String reason)
      throws InterruptedException {
    WebSocketApiDef.Route route = api.routes().get("$disconnect");
    if (route != null) {
      String requestId = Connections.newId();
      RouteInvoker.Result result =
          invoke(
              route,
              connection,
              events.disconnect(connection, statusCode, reason, requestId),
              requestId);
      if (!result.succeeded()) {
        console.printf(
            "[local WebSocket API] $disconnect: %s failed: %s%n",
            route.function(), result.errorMessage());
      }
    }
  }

  /**
   * Invokes the route's function, and writes its request line: connection, route, the function's status (or
   * {@code failed}), latency and function; never the message, which is the client's. In words,
   * {@code [local WebSocket API] Jx1lTcYIoAMCJwQ= subscribe 200 4.1 ms FeedSubscribeFunction}; as JSON, the fields
   * {@code connectionId}, {@code routeKey}, {@code status} (null when it failed), {@code failed}, {@code latencyMs},
   * {@code function}.
   */
  private RouteInvoker.Result invoke(
      WebSocketApiDef.Route route, Connection connection, ObjectNode event, String requestId)
      throws InterruptedException {
    long started = System.nanoTime();
    RouteInvoker.Result result = invoker.invoke(route.function(), event, requestId);
    double millis = Math.round((System.nanoTime() - started) / 1e5) / 10.0;
    requests.write(
        RequestLog.Entry.of(
            "local WebSocket API",
            String.format(
                Locale.ROOT,
                "%s %s %s %.1f ms %s",
                connection.id(),
                route.routeKey(),
                result.succeeded() ? Integer.toString(result.statusCode()) : "failed",
                millis,
                route.function()),
            "connectionId",
            connection.id(),
            "routeKey",
            route.routeKey(),
            "status",
            result.succeeded() ? result.statusCode() : null,
            "failed",
            !result.succeeded(),
            "latencyMs",
            millis,
            "function",
            route.function()));
    return result;
  }

  /** API Gateway's own message to the client, e.g. when the route's function failed. */
  private static String error(String message, Connection connection, String requestId) {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("message", message);
    error.put("connectionId", connection.id());
    error.put("requestId", requestId);
    return error.toString();
  }

  private static Object refuse(
      ServerUpgradeResponse response,
      Callback callback,
      int status,
      String message,
      String requestId) {
    response.setStatus(status);
    response.getHeaders().put("x-amzn-RequestId", requestId);
    String body = message == null ? "" : "{\"message\":\"" + message + "\"}";
    if (!body.isEmpty()) {
      response.getHeaders().put("Content-Type", "application/json");
    }
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return null;
  }

  private static WebSocketEvents.Handshake handshake(ServerUpgradeRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    for (Fields.Field field : fields) {
      query.put(field.getName(), List.copyOf(field.getValues()));
    }
    return new WebSocketEvents.Handshake(
        headers, query, Request.getRemoteAddr(request), request.getHeaders().get("User-Agent"));
  }
}

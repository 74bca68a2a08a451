package dev.catalog.local.events.websocket;

import dev.catalog.local.console.LocalApiException;
import dev.catalog.local.console.RequestLog;
import dev.catalog.local.iam.ExecuteApiAccess;
import dev.catalog.local.iam.LocalIam;
import dev.catalog.local.iam.TemplatePolicies;
import dev.catalog.local.lambda.LocalFunctions;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import dev.catalog.template.WebSocketApiDef;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The template's WebSocket API served as API Gateway serves it ({@code ws://localhost:3001}, the port
 * serverless-offline uses), with its {@code @connections} management API on the same port
 * ({@code http://localhost:3001}, what the functions' {@code CONNECTIONS_ENDPOINT} becomes locally). The server is
 * Jetty's, one virtual thread per request; each connection is a {@link ClientConnection} in {@link Connections}, its
 * routes run by the {@link WebSocketGateway} through the functions of {@link LocalFunctions}.
 *
 * <pre>{@code
 * try (LocalWebSocketApi ws = LocalWebSocketApi.builder(template, resolver).iam(iam).port(0).start()) {
 *   environment.put("CONNECTIONS_ENDPOINT", ws.connectionsEndpoint().toString());
 *   HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws.url(), listener);
 * }
 * }</pre>
 */
public final class LocalWebSocketApi implements AutoCloseable {
  /** The port serverless-offline serves WebSocket APIs on. */
  public static final int DEFAULT_PORT = 3001;

  /** The variable through which a function finds the {@code @connections} API. */
  public static final String CONNECTIONS_ENDPOINT = "CONNECTIONS_ENDPOINT";

  private final WebSocketApiDef api;
  private final Connections connections;
  private final ServerConnector connector;
  private final ScheduledExecutorService timers;
  private final LocalFunctions ownFunctions;
  private final WebSocketGateway gateway;

  private LocalWebSocketApi(
      WebSocketApiDef api,
      Connections connections,
      ServerConnector connector,
      ScheduledExecutorService timers,
      LocalFunctions ownFunctions,
      WebSocketGateway gateway) {
    this.gateway = gateway;
    this.api = api;
    this.connections = connections;
    this.connector = connector;
    this.timers = timers;
    this.ownFunctions = ownFunctions;
  }

  /**
   * @param resolver the local values of the template's intrinsics, the same the IAM policies were resolved with, so
   *     the API id in the ARNs of management calls is the one the policies name
   */
  public static Builder builder(SamTemplate template, IntrinsicResolver resolver) {
    return new Builder(template, resolver);
  }

  /** The WebSocket URL, e.g. {@code ws://localhost:3001}. */
  public URI url() {
    return URI.create("ws://localhost:" + port());
  }

  /** The {@code @connections} endpoint the functions are given, e.g. {@code http://localhost:3001}. */
  public URI connectionsEndpoint() {
    return URI.create("http://localhost:" + port());
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The template's WebSocket API, as served. */
  public WebSocketApiDef api() {
    return api;
  }

  /** The open connections. */
  public Connections connections() {
    return connections;
  }

  /** What a handshake would meet at the {@code $connect} authorizer: a status (200: let through) and why. */
  public record ConnectCheck(int status, String reason) {}

  /**
   * What the {@code $connect} authorizer answers a handshake with {@code ?token=} (none when null), without
   * connecting: 200 (allowed, or no authorizer to run), else the status the handshake would get (401, 403, 500) and
   * why. A browser is not shown a refused handshake's status; the dashboard asks this instead.
   */
  public ConnectCheck checkConnect(String token) {
    try {
      return gateway.check(token);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ConnectCheck(500, "interrupted");
    }
  }

  /** Stops accepting connections, closes the open ones and frees the port. */
  @Override
  public void close() {
    try {
      // Each open connection ends with its $disconnect before the server stops, whose stop would
      // interrupt it.
      connections.closeAll(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connector.getServer().stop();
    } catch (Exception e) {
      throw new LocalApiException("Stopping the WebSocket server: " + e.getMessage(), e);
    } finally {
      timers.shutdownNow();
      if (ownFunctions != null) {
        ownFunctions.close();
      }
    }
  }

  /**
   * A function's environment with {@code CONNECTIONS_ENDPOINT}, when it declares one (the management API's URL in
   * the cloud), pointing at this tool's {@code @connections} API instead.
   */
  public static Map<String, String> localEndpoint(
      Map<String, String> environment, URI connectionsEndpoint) {
    if (!environment.containsKey(CONNECTIONS_ENDPOINT)) {
      return environment;
    }
    Map<String, String> local = new java.util.LinkedHashMap<>(environment);
    local.put(CONNECTIONS_ENDPOINT, connectionsEndpoint.toString());
    return local;
  }

  /** What the WebSocket API serves and how. */
  public static final class Builder {
    private final SamTemplate template;
    private final IntrinsicResolver resolver;
    private Supplier<LocalIam> iam = () -> LocalIam.off(URI.create("http://127.0.0.1:9"));
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private PrintStream console = System.out;
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Duration maxLifetime = Duration.ofHours(2);
    private LocalFunctions functions;
    private Function<String, Map<String, String>> environment;
    private boolean accessLog;
    private RequestLog requests;
    private Map<String, String> unauthenticated;

    private Builder(SamTemplate template, IntrinsicResolver resolver) {
      this.template = template;
      this.resolver = resolver;
    }

    /** The functions' identities, whose policies authorise management calls (default: everything allowed). */
    public Builder iam(LocalIam iam) {
      return iam(() -> iam);
    }

    /** As {@link #iam(LocalIam)}, asked for at the first management call (a caller may still be starting it). */
    public Builder iam(Supplier<LocalIam> iam) {
      this.iam = iam;
      return this;
    }

    /**
     * Invokes these functions, shared with other event sources, for the routes. Without them (or an
     * {@link #environment}), no route is invoked: connections open and close, and the {@code @connections} API serves
     * them, which is what a test of code that only manages connections (a fan-out) needs.
     */
    public Builder functions(LocalFunctions functions) {
      this.functions = functions;
      return this;
    }

    /** Invokes the routes through functions of its own, given this environment by logical id. */
    public Builder environment(Function<String, Map<String, String>> environment) {
      this.environment = environment;
      return this;
    }

    /** The address to listen on; the loopback address by default. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port, 3001 by default; 0 for any free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder console(PrintStream console) {
      this.console = console;
      return this;
    }

    /** Prints one line per route invocation on the console, in words; off by default. */
    public Builder accessLog(boolean accessLog) {
      this.accessLog = accessLog;
      return this;
    }

    /** Writes one line per route invocation to this log, in its format ({@code -Dlocal.logs}). */
    public Builder requestLog(RequestLog requests) {
      this.requests = requests;
      return this;
    }

    /**
     * Runs no {@code $connect} authorizer ({@code -Dlocal.auth=off}): every handshake is let through as if the
     * authorizer had allowed it with this {@code principalId} and context, which reach every event of the
     * connection in {@code requestContext.authorizer}. By default the template's authorizers run.
     */
    public Builder authorizersOff(Map<String, String> identity) {
      this.unauthenticated = new java.util.LinkedHashMap<>(identity);
      return this;
    }

    /** How long a connection may stay without a message before it is closed (API Gateway: 10 minutes). */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    /** How long a connection may last at most (API Gateway: 2 hours). */
    public Builder maxLifetime(Duration maxLifetime) {
      this.maxLifetime = maxLifetime;
      return this;
    }

    /**
     * Starts listening.
     *
     * @throws TemplateException when the template has no WebSocket API
     * @throws LocalApiException for a port in use
     */
    public LocalWebSocketApi start() {
      WebSocketApiDef api =
          WebSocketApiDef.of(template, resolver)
              .orElseThrow(
                  () ->
                      new TemplateException(
                          template.source()
                              + ": no AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET to serve"));
      Connections connections = new Connections();
      ConnectionsApi management =
          new ConnectionsApi(
              connections,
              iam,
              new ExecuteApiAccess(
                  TemplatePolicies.region(resolver),
                  TemplatePolicies.accountId(resolver),
                  api.apiId(),
                  api.stage()));
      ScheduledExecutorService timers =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("websocket-lifetime").daemon().factory());
      Server server = new Server(new VirtualThreadPool());
      ServerConnector connector = new ServerConnector(server);
      connector.setHost(host);
      connector.setPort(port);
      server.addConnector(connector);
      LocalFunctions own =
          functions == null && environment != null
              ? LocalFunctions.prepare(
                  template,
                  id ->
                      localEndpoint(
                          environment.apply(id),
                          URI.create("http://localhost:" + connector.getLocalPort())),
                  0,
                  console)
              : null;
      if (functions == null && own == null) {
        // Connections only: no function to invoke, so no route.
        api =
            new WebSocketApiDef(
                api.logicalId(),
                api.apiId(),
                api.stage(),
                api.routeSelectionExpression(),
                Map.of());
      }
      RouteInvoker invoker = new RouteInvoker(functions != null ? functions : own, console);
      WebSocketEvents events = new WebSocketEvents(api, "localhost");
      WebSocketGateway gateway =
          new WebSocketGateway(
              api,
              invoker,
              events,
              new ConnectAuthorizer(
                  invoker,
                  events,
                  ConnectAuthorizer.methodArn(
                      TemplatePolicies.region(resolver), TemplatePolicies.accountId(resolver), api),
                  console),
              new ClientConnection.Lifecycle(connections, timers, maxLifetime, console),
              console,
              requests != null ? requests : accessLog ? RequestLog.text(console) : RequestLog.NONE,
              unauthenticated);
      WebSocketUpgradeHandler upgrade =
          WebSocketUpgradeHandler.from(
              server,
              container -> {
                container.setIdleTimeout(idleTimeout);
                // The message limit is ClientConnection's, counted on the parts of messages, which
                // Jetty does not limit.
                container.addMapping("/", gateway::connect);
              });
      upgrade.setHandler(PlainRequests.handler(management));
      server.setHandler(upgrade);
      server.setErrorHandler(PlainRequests.errors(console));
      try {
        server.start();
      } catch (Exception e) {
        timers.shutdownNow();
        if (own != null) {
          own.close();
        }
        try {
          server.stop();
        } catch (Exception ignored) {
          // Already failing to start: that is the failure to report.
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof BindException) {
            throw new LocalApiException(
                "Port "
                    + port
                    + " on "
                    + host
                    + " is in use: stop what listens there, or"
                    + " choose another port for the WebSocket API with -Dlocal.wsPort=N");
          }
        }
        throw new LocalApiException(
            "Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
      }
      return new LocalWebSocketApi(api, connections, connector, timers, own, gateway);
    }
  }
}

package dev.catalog.local.events.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.catalog.local.auth.DevelopmentIssuer;
import dev.catalog.local.auth.LocalAuth;
import dev.catalog.local.auth.TokenEndpoint;
import dev.catalog.local.console.LocalApiException;
import dev.catalog.local.console.RequestLog;
import dev.catalog.local.dashboard.DashboardPage;
import dev.catalog.local.lambda.FunctionPool;
import dev.catalog.local.lambda.FunctionPool.Failed;
import dev.catalog.local.lambda.FunctionPool.Outcome;
import dev.catalog.local.lambda.FunctionPool.Returned;
import dev.catalog.local.lambda.FunctionPool.TimedOut;
import dev.catalog.local.lambda.LocalFunctions;
import dev.catalog.template.ApiRoutes;
import dev.catalog.template.Route;
import dev.catalog.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The whole API of a SAM template served over HTTP, as API Gateway's REST API and Lambda would serve it: routes from
 * the functions' Api events, each function in its own class loader with its template environment and a pool of
 * instances (see {@link FunctionPool}), requests and responses converted by {@link HttpExchanges}. The HTTP server is
 * Jetty's, one virtual thread per request, set to pass every request target through as sent (an empty segment, a
 * malformed escape in the query), so that what answers is the emulated API Gateway, never the server's own pages.
 *
 * <pre>{@code
 * try (LocalApi api = LocalApi.builder(template).environment(id -> dynamo.environment(id)).port(0).start()) {
 *   HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.url().resolve("/products")).build(), ...);
 * }
 * }</pre>
 */
public final class LocalApi implements AutoCloseable {
  private final SamTemplate template;
  private final ApiRoutes routes;
  private final ApiStage stage;
  private final Map<String, FunctionPool> pools;
  private final PrintStream console;
  private final RequestLog requestLog;
  private final ServerConnector connector;
  private final ExecutorService requests;
  private final LocalAuth auth;
  private final boolean ownsFunctions;
  private final DashboardPage dashboard;

  private LocalApi(
      Builder builder,
      ApiStage stage,
      Map<String, FunctionPool> pools,
      ServerConnector connector,
      ExecutorService requests) {
    this.template = builder.template;
    this.routes = new ApiRoutes(builder.template);
    this.stage = stage;
    this.pools = pools;
    this.console = builder.console;
    this.requestLog =
        builder.requestLog != null
            ? builder.requestLog
            : builder.accessLog ? RequestLog.text(builder.console) : RequestLog.NONE;
    this.connector = connector;
    this.requests = requests;
    this.ownsFunctions = builder.shared == null;
    this.auth =
        builder.auth != null
            ? builder.auth
            : LocalAuth.enforcing(builder.template, new DevelopmentIssuer());
    this.dashboard = builder.dashboard;
  }

  /** How the template's authorizers are applied; by default with a development issuer of this API's own. */
  public LocalAuth auth() {
    return auth;
  }

  public static Builder builder(SamTemplate template) {
    return new Builder(template);
  }

  /** The base URL, e.g. {@code http://localhost:3000}. */
  public URI url() {
    return URI.create("http://localhost:" + port());
  }

  public int port() {
    return connector.getLocalPort();
  }

  public SamTemplate template() {
    return template;
  }

  /** Instances the function has had since start (discarded ones included): 1 until requests overlap. */
  public int instancesCreated(String functionLogicalId) {
    return pool(functionLogicalId).instancesCreated();
  }

  /** Invokes a function directly with an event, as {@code sam local invoke} does (no route, no HTTP). */
  public Outcome invoke(String functionLogicalId, APIGatewayProxyRequestEvent event)
      throws InterruptedException {
    return pool(functionLogicalId).invoke(event, "invoke");
  }

  /**
   * Starts one instance of every function in the background, like sam's warm containers, so first calls are quick;
   * silently (a function failing to start is reported). Completes once every function has been warmed or has failed.
   */
  public java.util.concurrent.CompletableFuture<Void> warm() {
    return java.util.concurrent.CompletableFuture.allOf(
        pools.values().stream()
            .map(pool -> java.util.concurrent.CompletableFuture.runAsync(pool::warm, requests))
            .toArray(java.util.concurrent.CompletableFuture[]::new));
  }

  private FunctionPool pool(String logicalId) {
    template.function(logicalId); // fails naming the functions there are
    return pools.get(logicalId);
  }

  /** The routes served, one line each: method, path, function, handler; in the order API Gateway matches them. */
  public String routeTable() {
    StringBuilder table = new StringBuilder();
    template
        .routes()
        .forEach(
            (route, function) ->
                table.append(
                    String.format(
                        "  %-8s %-24s %-24s %s%n",
                        route.method(), route.path(), function.logicalId(), function.handler())));
    return table.toString();
  }

  private boolean handle(Request request, Response response, Callback callback) {
    if (!HttpExchanges.chunkedOrNoTransferCoding(request)) {
      // Jetty has dechunked the body but left any other coding on it; API Gateway implements none:
      // refused unread.
      return refuse(request, response, callback);
    }
    String requestId = UUID.randomUUID().toString();
    try {
      HttpExchanges.Incoming incoming = HttpExchanges.read(request);
      if (incoming == null) {
        gateway(request, response, GatewayError.REQUEST_TOO_LONG, requestId);
      } else if (dashboard != null && dashboard.owns(incoming.method(), incoming.rawPath())) {
        dashboard.serve(request, response, incoming.method(), incoming.rawPath(), incoming.body());
      } else if (!issuerEndpoint(request, response, incoming, requestId)) {
        route(request, response, incoming, requestId);
      }
      callback.succeeded();
    } catch (IOException clientGone) {
      callback.failed(clientGone);
    } catch (InterruptedException stopping) {
      callback.failed(stopping);
      Thread.currentThread().interrupt();
    } catch (RuntimeException bug) {
      synchronized (console) {
        console.println("[local API] request " + requestId + " failed in the local API itself");
        bug.printStackTrace(console);
      }
      callback.failed(bug);
    }
    return true;
  }

  private void route(
      Request request, Response response, HttpExchanges.Incoming incoming, String requestId)
      throws IOException, InterruptedException {
    var selected = routes.select(incoming.method(), incoming.rawPath());
    if (selected.isEmpty()) {
      gateway(request, response, GatewayError.MISSING_AUTHENTICATION_TOKEN, requestId);
      return;
    }
    Route route = selected.get().route();
    if (!auth.enforced() && refusedWithAuthenticationOff(request, response, incoming, requestId)) {
      return;
    }
    FunctionPool pool = pools.get(selected.get().function().logicalId());
    Map<String, String> claims = null;
    switch (auth.check(route, requestId, name -> header(incoming, name))) {
      case LocalAuth.Open open -> {}
      case LocalAuth.Authorized authorized -> claims = authorized.claims();
      case LocalAuth.Unauthorized refused -> {
        console.printf(
            "[local API] %s %s: 401, %s%n", route.method(), route.path(), refused.reason());
        HttpExchanges.send(
            request, response, refused.response(), "UnauthorizedException", requestId);
        return;
      }
    }
    var event =
        HttpExchanges.event(
            incoming,
            route.path(),
            selected.get().pathParameters(),
            stage.name(),
            stage.variables(),
            requestId,
            claims);
    long started = System.nanoTime();
    var cold = new java.util.concurrent.atomic.AtomicBoolean();
    respond(request, response, pool, pool.invoke(event, requestId, cold), requestId);
    requestLog.write(
        AccessLine.of(
            incoming.method(),
            incoming.rawPath(),
            response.getStatus(),
            System.nanoTime() - started,
            pool.function().name(),
            cold.get()));
  }

  /**
   * With authentication off every route serves a local administrator, so only this machine's pages may use it: a
   * request whose {@code Host} is not this machine's (a DNS-rebinding page) is refused with 421, and a write whose
   * {@code Origin} is another site's page with 403. Reads from other origins stay as CORS makes them (the
   * template's {@code AllowedOrigins}), as the deployed API's reads are open.
   *
   * @return true when refused (the answer is sent)
   */
  private boolean refusedWithAuthenticationOff(
      Request request, Response response, HttpExchanges.Incoming incoming, String requestId)
      throws IOException {
    if (!LoopbackOnly.isLocalHost(header(incoming, "Host"), port())) {
      console.printf(
          "[local API] %s %s: 421, authentication is off and Host is not this machine%n",
          incoming.method(), incoming.rawPath());
      HttpExchanges.sendProblem(
          request,
          response,
          421,
          "Misdirected Request",
          "With authentication off (-Dlocal.auth=off) the local API answers only requests to this machine:"
              + " Host localhost, 127.0.0.1 or [::1] with port "
              + port()
              + ".",
          requestId);
      return true;
    }
    String origin = header(incoming, "Origin");
    if (!LoopbackOnly.isSafe(incoming.method())
        && origin != null
        && !LoopbackOnly.isLocalOrigin(origin)) {
      console.printf(
          "[local API] %s %s: 403, authentication is off and the write comes from a page of %s%n",
          incoming.method(), incoming.rawPath(), origin);
      HttpExchanges.sendProblem(
          request,
          response,
          403,
          "Forbidden",
          "With authentication off (-Dlocal.auth=off) the local API takes writes only from pages of this"
              + " machine (an Origin on localhost, 127.0.0.1 or [::1]), or with no Origin at all.",
          requestId);
      return true;
    }
    return false;
  }

  /**
   * The development issuer's token endpoint and JWKS, when it is the issuer trusted; false for any other path. Tokens
   * are minted only for requests to this machine's own address ({@link LoopbackOnly#isLocalHost}): a page of another
   * site cannot read the answer (it has no CORS headers), but a DNS-rebinding page, whose requests are same-origin
   * for its browser, could; its {@code Host} is its own name, refused with 421.
   */
  private boolean issuerEndpoint(
      Request request, Response response, HttpExchanges.Incoming incoming, String requestId)
      throws IOException {
    var issuer = auth.developmentIssuer();
    if (issuer.isEmpty()) {
      return false;
    }
    if (incoming.rawPath().equals(TokenEndpoint.PATH) && incoming.method().equals("POST")) {
      if (!LoopbackOnly.isLocalHost(header(incoming, "Host"), port())) {
        console.printf("[local API] POST %s: 421, Host is not this machine%n", TokenEndpoint.PATH);
        HttpExchanges.sendProblem(
            request,
            response,
            421,
            "Misdirected Request",
            "The development token endpoint answers only requests to this machine: Host localhost,"
                + " 127.0.0.1 or [::1] with port "
                + port()
                + ".",
            requestId);
        return true;
      }
      var answer =
          TokenEndpoint.token(issuer.get(), new String(incoming.body(), StandardCharsets.UTF_8));
      HttpExchanges.sendJson(
          request, response, answer.status(), answer.contentType(), answer.body(), requestId);
      return true;
    }
    if (incoming.rawPath().equals(TokenEndpoint.JWKS_PATH) && incoming.method().equals("GET")) {
      HttpExchanges.sendJson(
          request, response, 200, issuer.get().publicKeys().toString(), requestId);
      return true;
    }
    return false;
  }

  /** One of API Gateway's own answers, as the template's gateway responses shape it. */
  private void gateway(Request request, Response response, GatewayError error, String requestId)
      throws IOException {
    var rendered =
        auth.gatewayResponses()
            .render(
                error.responseType,
                error.status,
                error.message,
                error.body,
                requestId,
                name -> request.getHeaders().get(name));
    HttpExchanges.send(request, response, rendered, error.errorType, requestId);
  }

  /** The last value of a header, by case-insensitive name; null when absent. */
  private static String header(HttpExchanges.Incoming incoming, String name) {
    String value = null;
    for (Map.Entry<String, String> header : incoming.headers()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        value = header.getValue();
      }
    }
    return value;
  }

  /**
   * What the server itself answers a request it cannot parse (a malformed request line, header or path escape, a
   * head over its size limit, a transfer coding other than chunked): the status (400 unless the server chose
   * another) with API Gateway's JSON form of an error, never an HTML page.
   */
  private static boolean refuse(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : HttpStatus.BAD_REQUEST_400;
    String body = "{\"message\":\"" + HttpStatus.getMessage(status) + "\"}";
    response.getHeaders().put("Content-Type", "application/json");
    response
        .getHeaders()
        .put(
            "x-amzn-ErrorType",
            status < 500 ? "BadRequestException" : "InternalServerErrorException");
    response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
    response.setStatus(status);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  private void respond(
      Request request, Response response, FunctionPool pool, Outcome outcome, String requestId)
      throws IOException {
    switch (outcome) {
      case Returned returned -> {
        try {
          HttpExchanges.send(request, response, returned.value(), requestId);
        } catch (HttpExchanges.MalformedResponse malformed) {
          console.printf(
              "[%s] request %s: malformed Lambda proxy response: %s%n",
              pool.function().name(), requestId, malformed.getMessage());
          gateway(request, response, GatewayError.INTERNAL_SERVER_ERROR, requestId);
        }
      }
      case Failed failed ->
          gateway(request, response, GatewayError.INTERNAL_SERVER_ERROR, requestId);
      case TimedOut timedOut ->
          gateway(
              request,
              response,
              timedOut.byGateway()
                  ? GatewayError.ENDPOINT_TIMED_OUT
                  : GatewayError.INTERNAL_SERVER_ERROR,
              requestId);
    }
  }

  /** Stops accepting requests, ends the instances and their threads, and frees the port. */
  @Override
  public void close() {
    try {
      connector.getServer().stop();
    } catch (Exception e) {
      console.println("[local API] stopping the HTTP server: " + e);
    }
    requests.shutdownNow();
    if (ownsFunctions) {
      pools.values().forEach(FunctionPool::close);
    }
    try {
      requests.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the local API serves and how. */
  public static final class Builder {
    private final SamTemplate template;
    private Function<String, Map<String, String>> environment = id -> Map.of();
    private String host = "127.0.0.1";
    private int port = 3000;
    private int maxInstances;
    private PrintStream console = System.out;
    private LocalAuth auth;
    private boolean accessLog;
    private RequestLog requestLog;
    private LocalFunctions shared;
    private DashboardPage dashboard;

    private Builder(SamTemplate template) {
      this.template = template;
    }

    /**
     * Each function's environment by logical id: the template's variables resolved to local values, plus what
     * points the code at DynamoDB Local. Lambda's own variables (function name, memory, ...) are added here. Asked
     * for when the function's first instance starts (a caller still setting up may block until it is ready).
     */
    public Builder environment(Function<String, Map<String, String>> environment) {
      this.environment = environment;
      return this;
    }

    /**
     * Invokes these functions, shared with other event sources, instead of preparing its own (then
     * {@link #environment} and {@link #maxInstances} are theirs, and closing the API leaves them running).
     */
    public Builder functions(LocalFunctions functions) {
      this.shared = functions;
      return this;
    }

    /** The address to listen on; the loopback address by default, so nothing outside this machine can reach it. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port, 3000 by default as for {@code sam local start-api}; 0 for any free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** At most this many instances of one function at once (0, the default: no cap, as far as Lambda goes). */
    public Builder maxInstances(int maxInstances) {
      this.maxInstances = maxInstances;
      return this;
    }

    /** How the template's authorizers are applied (default: enforced, with a development issuer of its own). */
    public Builder auth(LocalAuth auth) {
      this.auth = auth;
      return this;
    }

    /**
     * Serves the live dashboard at {@code /} (GET and HEAD: other methods on {@code /} stay API Gateway's) and its files
     * under {@link DashboardPage#ASSETS}; off by default, as API Gateway serves no page.
     */
    public Builder dashboard(DashboardPage dashboard) {
      this.dashboard = dashboard;
      return this;
    }

    /** Where cold starts, failures and timeouts are reported. */
    public Builder console(PrintStream console) {
      this.console = console;
      return this;
    }

    /** Prints one access line per request routed to a function on the console ({@link AccessLine}); off by default. */
    public Builder accessLog(boolean accessLog) {
      this.accessLog = accessLog;
      return this;
    }

    /** Writes one access line per request routed to a function to this log ({@link AccessLine}), in its format. */
    public Builder requestLog(RequestLog requestLog) {
      this.requestLog = requestLog;
      return this;
    }

    /**
     * Prepares every function and starts listening.
     *
     * @throws LocalApiException for a Handler that names no class, or a port in use
     */
    public LocalApi start() {
      LocalFunctions functions =
          shared != null
              ? shared
              : LocalFunctions.prepare(template, environment, maxInstances, console);
      Map<String, FunctionPool> pools = functions.pools();
      try {
        ApiStage stage = ApiStage.of(template);
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        Server server = new Server(new VirtualThreadPool());
        ServerConnector connector =
            new ServerConnector(server, new RawTargetConnections(configuration()));
        connector.setHost(this.host);
        connector.setPort(port);
        // Longer than API Gateway's 29 s, so a slow function meets the emulated gateway timeout,
        // not the server's.
        connector.setIdleTimeout(TimeUnit.SECONDS.toMillis(60));
        server.addConnector(connector);
        LocalApi api = new LocalApi(this, stage, pools, connector, requests);
        server.setHandler(
            new Handler.Abstract() {
              @Override
              public boolean handle(Request request, Response response, Callback callback) {
                return api.handle(request, response, callback);
              }
            });
        server.setErrorHandler(LocalApi::refuse);
        start(server);
        return api;
      } catch (RuntimeException e) {
        if (shared == null) {
          functions.close();
        }
        throw e;
      }
    }

    /** Every request target as sent, no server banner: the emulated gateway decides what a request means. */
    private static HttpConfiguration configuration() {
      HttpConfiguration configuration = new HttpConfiguration();
      configuration.setUriCompliance(UriCompliance.UNSAFE);
      configuration.setSendServerVersion(false);
      configuration.setSendXPoweredBy(false);
      // API Gateway takes up to 10 KB of headers; the server's default would refuse some before the
      // gateway does.
      configuration.setRequestHeaderSize(64 * 1024);
      return configuration;
    }

    private void start(Server server) {
      try {
        server.start();
      } catch (Exception e) {
        stopQuietly(server);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof BindException) {
            throw new LocalApiException(
                "Port "
                    + port
                    + " on "
                    + host
                    + " is in use: stop what listens there, or"
                    + " choose another port with PORT=N or -Dport=N");
          }
        }
        throw new LocalApiException(
            "Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
      }
    }

    private static void stopQuietly(Server server) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // Already failing to start: the start failure is the one to report.
      }
    }
  }
}

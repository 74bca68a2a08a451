package dev.catalog.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catalog.local.FunctionPool.Failed;
import dev.catalog.local.FunctionPool.Outcome;
import dev.catalog.local.FunctionPool.Returned;
import dev.catalog.local.FunctionPool.TimedOut;
import dev.catalog.template.ApiRoutes;
import dev.catalog.template.FunctionDef;
import dev.catalog.template.Route;
import dev.catalog.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The whole API of a SAM template served over HTTP, as API Gateway's REST API and Lambda would serve it: routes from
 * the functions' Api events, each function in its own class loader with its template environment and a pool of
 * instances (see {@link FunctionPool}), requests and responses converted by {@link HttpExchanges}. The HTTP server is
 * the JDK's, one virtual thread per request.
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
  private final HttpServer server;
  private final ExecutorService requests;

  private LocalApi(Builder builder, ApiStage stage, Map<String, FunctionPool> pools, HttpServer server,
      ExecutorService requests) {
    this.template = builder.template;
    this.routes = new ApiRoutes(builder.template);
    this.stage = stage;
    this.pools = pools;
    this.console = builder.console;
    this.server = server;
    this.requests = requests;
  }

  public static Builder builder(SamTemplate template) {
    return new Builder(template);
  }

  /** The base URL, e.g. {@code http://localhost:3000}. */
  public URI url() {
    return URI.create("http://localhost:" + port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public SamTemplate template() {
    return template;
  }

  /** Instances the function has had since start (discarded ones included): 1 until requests overlap. */
  public int instancesCreated(String functionLogicalId) {
    return pool(functionLogicalId).instancesCreated();
  }

  /** Invokes a function directly with an event, as {@code sam local invoke} does (no route, no HTTP). */
  Outcome invoke(String functionLogicalId, APIGatewayProxyRequestEvent event) throws InterruptedException {
    return pool(functionLogicalId).invoke(event, "invoke");
  }

  /** Starts one instance of every function in the background, like sam's warm containers, so first calls are quick. */
  public void warm() {
    pools.values().forEach(pool -> requests.execute(() -> pool.warm()));
  }

  private FunctionPool pool(String logicalId) {
    template.function(logicalId); // fails naming the functions there are
    return pools.get(logicalId);
  }

  /** The routes served, one line each: method, path, function, handler; in the order API Gateway matches them. */
  public String routeTable() {
    StringBuilder table = new StringBuilder();
    template.routes().forEach((route, function) -> table.append(String.format("  %-8s %-24s %-24s %s%n",
        route.method(), route.path(), function.logicalId(), function.handler())));
    return table.toString();
  }

  private void handle(HttpExchange exchange) {
    String requestId = UUID.randomUUID().toString();
    try {
      HttpExchanges.Incoming request = HttpExchanges.read(exchange);
      if (request == null) {
        HttpExchanges.send(exchange, GatewayError.REQUEST_TOO_LONG, requestId);
        return;
      }
      var selected = routes.select(request.method(), request.rawPath() == null ? "" : request.rawPath());
      if (selected.isEmpty()) {
        HttpExchanges.send(exchange, GatewayError.MISSING_AUTHENTICATION_TOKEN, requestId);
        return;
      }
      Route route = selected.get().route();
      FunctionPool pool = pools.get(selected.get().function().logicalId());
      var event = HttpExchanges.event(request, route.path(), selected.get().pathParameters(), stage.name(),
          stage.variables(), requestId);
      respond(exchange, pool, pool.invoke(event, requestId), requestId);
    } catch (IOException clientGone) {
      exchange.close();
    } catch (InterruptedException stopping) {
      exchange.close();
      Thread.currentThread().interrupt();
    } catch (RuntimeException bug) {
      synchronized (console) {
        console.println("[local API] request " + requestId + " failed in the local API itself");
        bug.printStackTrace(console);
      }
      exchange.close();
    }
  }

  private void respond(HttpExchange exchange, FunctionPool pool, Outcome outcome, String requestId)
      throws IOException {
    switch (outcome) {
      case Returned returned -> {
        try {
          HttpExchanges.send(exchange, returned.value(), requestId);
        } catch (HttpExchanges.MalformedResponse malformed) {
          console.printf("[%s] request %s: malformed Lambda proxy response: %s%n", pool.function().name(), requestId,
              malformed.getMessage());
          HttpExchanges.send(exchange, GatewayError.INTERNAL_SERVER_ERROR, requestId);
        }
      }
      case Failed failed -> HttpExchanges.send(exchange, GatewayError.INTERNAL_SERVER_ERROR, requestId);
      case TimedOut timedOut -> HttpExchanges.send(exchange,
          timedOut.byGateway() ? GatewayError.ENDPOINT_TIMED_OUT : GatewayError.INTERNAL_SERVER_ERROR, requestId);
    }
  }

  /** Stops accepting requests, ends the instances and their threads, and frees the port. */
  @Override
  public void close() {
    server.stop(0);
    requests.shutdownNow();
    pools.values().forEach(FunctionPool::close);
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

    /** Where cold starts, failures and timeouts are reported. */
    public Builder console(PrintStream console) {
      this.console = console;
      return this;
    }

    /**
     * Prepares every function and starts listening.
     *
     * @throws LocalApiException for a Handler that names no class, or a port in use
     */
    public LocalApi start() {
      Map<String, FunctionPool> pools = new LinkedHashMap<>();
      ClassLoader host = LocalApi.class.getClassLoader();
      try {
        ApiStage stage = ApiStage.of(template);
        for (FunctionDef function : template.functions().values()) {
          Supplier<Map<String, String>> variables =
              () -> LambdaEnvironment.of(function, environment.apply(function.logicalId()));
          pools.put(function.logicalId(), new FunctionPool(LocalFunction.prepare(function, host), variables,
              maxInstances, console));
        }
        HttpServer server = bind();
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        LocalApi api = new LocalApi(this, stage, pools, server, requests);
        server.createContext("/", api::handle);
        server.setExecutor(requests);
        server.start();
        return api;
      } catch (RuntimeException e) {
        pools.values().forEach(FunctionPool::close);
        throw e;
      }
    }

    private HttpServer bind() {
      try {
        return HttpServer.create(new InetSocketAddress(host, port), 0);
      } catch (BindException e) {
        throw new LocalApiException("Port " + port + " on " + host + " is in use: stop what listens there, or choose"
            + " another port with PORT=N or -Dport=N");
      } catch (IOException e) {
        throw new LocalApiException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
      }
    }
  }
}

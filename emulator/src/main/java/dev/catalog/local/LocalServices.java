package dev.catalog.local;

import dev.catalog.local.console.LocalApiException;
import dev.catalog.local.console.LocalConsole;
import dev.catalog.local.console.RequestLog;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.local.events.websocket.LocalWebSocketApi;
import dev.catalog.local.lambda.LocalFunctions;
import dev.catalog.template.WebSocketApiDef;

import dev.catalog.local.auth.LocalAuth;
import dev.catalog.local.auth.RemoteIssuer;
import dev.catalog.local.auth.TokenEndpoint;
import dev.catalog.local.events.sns.LocalSns;
import dev.catalog.local.events.sns.TemplateTopics;
import dev.catalog.local.events.stream.EventSourceMappings;
import dev.catalog.local.events.stream.FunctionInvoker;
import dev.catalog.local.events.stream.StreamConsumers;
import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.dashboard.DashboardPage;
import dev.catalog.local.iam.IamCall;
import dev.catalog.local.iam.TemplatePolicies;
import dev.catalog.local.iam.LocalIam;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import dev.catalog.local.dynamodb.DynamoDbTarget;
import dev.catalog.local.dynamodb.EmbeddedDynamoDb;
import dev.catalog.local.dynamodb.ExternalDynamoDb;
import dev.catalog.local.dynamodb.TemplateTables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What {@code ./mvnw -Plocal} runs, from the template alone: DynamoDB Local (in memory, or in the data directory; or
 * an outside DynamoDB with {@code -Dlocal.dynamodb}) with the template's tables under stable names
 * ({@code products-local}), the functions' identities with IAM enforced in front of it ({@link LocalIam}), the
 * functions ({@link LocalFunctions}), which see them through their template environment, and the event sources that
 * invoke them: the REST API ({@link LocalApi}) and, when the template has one, the WebSocket API
 * ({@link LocalWebSocketApi}), whose {@code @connections} endpoint replaces each function's
 * {@code CONNECTIONS_ENDPOINT}. Closing stops them.
 *
 * <p>DynamoDB Local, the slowest part, starts on a thread of its own while the template is read, the environments
 * resolved and the functions prepared; a function's first instance waits until the tables exist.
 */
public final class LocalServices implements AutoCloseable {
  /** Table names end in this, e.g. {@code products-local}, so they stay the same across runs. */
  static final String TABLE_SUFFIX = "local";
  /** The dashboard's category when no seed suggests one: the one "Try it" in the README creates a product in. */
  static final String DEFAULT_CATEGORY = "lighting";
  /** How long the start waits for the stream consumers to have delivered what is in the tables. */
  static final Duration STREAMS_QUIET = Duration.ofSeconds(30);

  private final DynamoDbTarget dynamo;
  private final LocalIam iam;
  private final LocalFunctions functions;
  private final LocalApi api;
  private final LocalWebSocketApi webSocket;
  private final int seeded;
  private final LocalSns sns;
  private final StreamConsumers streams;
  private final DataFolderLock dataLock;
  private final DynamoDbLease lease;
  private final String dashboardCategory;

  private LocalServices(DynamoDbTarget dynamo, LocalIam iam, LocalFunctions functions, LocalApi api,
      LocalWebSocketApi webSocket, int seeded, LocalSns sns, StreamConsumers streams, DataFolderLock dataLock,
      DynamoDbLease lease, String dashboardCategory) {
    this.lease = lease;
    this.dashboardCategory = dashboardCategory;
    this.dynamo = dynamo;
    this.iam = iam;
    this.functions = functions;
    this.api = api;
    this.webSocket = webSocket;
    this.seeded = seeded;
    this.sns = sns;
    this.streams = streams;
    this.dataLock = dataLock;
  }

  /**
   * Starts everything; on failure, stops what was started.
   *
   * @throws dev.catalog.template.TemplateException for a template that cannot be used
   * @throws LocalApiException for other bad input (handler, port, seed file), or a data folder or an outside DynamoDB
   *     another local system is using ({@link DataFolderLock}, {@link DynamoDbLease})
   * @throws dev.catalog.local.events.stream.EventSourceMappingException for a stream mapping Lambda would refuse
   *     to create, e.g. its function's role may not send to the on-failure destination
   */
  public static LocalServices start(LocalOptions options, PrintStream console) {
    return start(options, console, RequestLog.NONE);
  }

  /**
   * As {@link #start(LocalOptions, PrintStream)}: the tool's own lines on {@code console}, and each event source's
   * line per request written to {@code requests} ({@link LocalConsole} chooses both).
   */
  public static LocalServices start(LocalOptions options, PrintStream console, RequestLog requests) {
    CompletableFuture<DynamoDbTarget> starting = new CompletableFuture<>();
    CompletableFuture<Map<String, String>> clientEnvironment = new CompletableFuture<>();
    CompletableFuture<LocalIam> identities = new CompletableFuture<>();
    DynamoDbTarget dynamo = null;
    LocalIam iam = null;
    LocalFunctions functions = null;
    LocalApi api = null;
    LocalWebSocketApi webSocket = null;
    LocalSns sns = null;
    StreamConsumers streams = null;
    LocalAuth trusted = null;
    PrintStream out = System.out;
    PrintStream err = System.err;
    // Before anything starts: a second system on the same data would share its DynamoDB files and its streams.
    DataFolderLock dataLock = options.data() == null ? null : DataFolderLock.take(options.data());
    DynamoDbLease lease = null;
    try {
      // DynamoDB Local prints its settings, and SLF4J that it has no binding: the ready line says what matters.
      silence();
      if (options.dynamodb() != null) {
        starting.complete(new ExternalDynamoDb(options.dynamodb()));
      } else {
        Thread.ofPlatform().name("dynamodb-local-start").start(() -> {
          try {
            starting.complete(EmbeddedDynamoDb.start(options.data()));
          } catch (Throwable e) {
            starting.completeExceptionally(e);
          }
        });
      }
      org.slf4j.LoggerFactory.getILoggerFactory();
      SamTemplate template = SamTemplate.load(options.template());
      IntrinsicResolver resolver = resolver(template);
      Map<String, Map<String, String>> environments = new LinkedHashMap<>();
      template.functions().values().forEach(function ->
          environments.put(function.logicalId(), function.environment(resolver)));
      // The functions' roles, for the services the tool serves itself and for what Lambda does with them.
      Authorizer roles = options.iam() ? Authorizer.enforcing(template, resolver, denials(console))
          : Authorizer.off(template, resolver);
      // Event source: DynamoDB Streams (dev.catalog.local.events.stream), its mappings created as Lambda creates
      // them, before anything starts: one the function's role does not allow stops the tool. Not while one function
      // is invoked alone.
      EventSourceMappings mappings = options.invoke() != null ? null
          : EventSourceMappings.create(template, resolver, roles);
      // Event source: SNS (dev.catalog.local.events.sns), the template's topics, each function's SNS_ENDPOINT.
      sns = LocalSns.start(TemplateTopics.read(template, resolver), roles, TemplatePolicies.region(resolver),
          TemplatePolicies.accountId(resolver), console);
      String snsEndpoint = sns.url().toString();
      LocalAuth auth = !options.auth() ? LocalAuth.off(template)
          : options.issuer() == null ? LocalAuth.development(template)
              : LocalAuth.enforcing(template, RemoteIssuer.of(options.issuer()));
      trusted = auth;
      if (options.seed() != null && auth.enforced() && auth.developmentIssuer().isEmpty()) {
        throw new LocalApiException("-Dlocal.seed writes with a token of the development issuer; with -Dlocal.issuer"
            + " seed through the API with a token of that pool instead");
      }
      AtomicReference<LocalWebSocketApi> webSockets = new AtomicReference<>();
      functions = LocalFunctions.prepare(template, id -> {
        Map<String, String> environment = new LinkedHashMap<>(environments.get(id));
        environment.putAll(identities.join().clientEnvironment(id, clientEnvironment.join()));
        environment.put("SNS_ENDPOINT", snsEndpoint);
        // A function verifying tokens itself (the feed's authorizer) trusts the local issuer, not the cloud pool.
        if (environment.containsKey("TOKEN_ISSUER")) {
          environment.putAll(auth.tokenEnvironment());
        }
        LocalWebSocketApi served = webSockets.get();
        return served == null ? environment : LocalWebSocketApi.localEndpoint(environment,
            served.connectionsEndpoint());
      }, options.maxInstances(), console);
      if (WebSocketApiDef.of(template, resolver).isPresent()) {
        LocalWebSocketApi.Builder served = LocalWebSocketApi.builder(template, resolver).functions(functions)
            .iam(identities::join).port(options.wsPort()).console(console).requestLog(requests);
        if (!auth.enforced()) {
          // As the REST API's Cognito authorizer, the $connect authorizer is not run: a local administrator connects.
          served.authorizersOff(LocalAuth.OFF_CONNECT_CONTEXT);
        }
        webSocket = served.start();
        webSockets.set(webSocket);
      }
      api = LocalApi.builder(template).functions(functions).auth(auth).port(options.port())
          .console(console).requestLog(requests)
          .dashboard(dashboard(webSocket, auth, dashboardCategory(options))).start();
      preloadSdk();
      dynamo = join(starting);
      System.setOut(out);
      System.setErr(err);
      if (options.dynamodb() != null) {
        // An outside DynamoDB may have another local system on its tables already: a lease there says so.
        lease = DynamoDbLease.take(dynamo.newClient(), options.dynamodb(), TABLE_SUFFIX, Clock.systemUTC());
      }
      try (DynamoDbClient client = dynamo.newClient()) {
        TemplateTables.createMissing(client, template, TABLE_SUFFIX);
      }
      iam = options.iam() ? LocalIam.enforce(template, resolver, dynamo.endpoint(), denials(console))
          : LocalIam.off(dynamo.endpoint());
      identities.complete(iam);
      clientEnvironment.complete(dynamo.clientEnvironment());
      // The stream consumers start polling once the tables exist.
      streams = mappings == null ? null : mappings.start(dynamo.endpoint(), dynamo.credentials(),
          FunctionInvoker.of(functions), console, Clock.systemUTC(), requests);
      int seeded = options.seed() == null ? 0 : SeedData.put(api.url(), options.seed(),
          auth.developmentIssuer().map(issuer -> issuer.service("products/admin").accessToken()).orElse(null));
      // What the seed (or a table kept in -Dlocal.data) set going is delivered, and its lines printed, before the
      // ready line: nothing of the start follows it.
      if (streams != null) {
        awaitQuiet(streams);
      }
      return new LocalServices(dynamo, iam, functions, api, webSocket, seeded, sns, streams, dataLock, lease,
          dashboardCategory(options));
    } catch (RuntimeException e) {
      System.setOut(out);
      System.setErr(err);
      clientEnvironment.completeExceptionally(e);
      identities.completeExceptionally(e);
      if (streams != null) {
        streams.close();
      }
      if (api != null) {
        api.close();
      }
      if (webSocket != null) {
        webSocket.close();
      }
      if (functions != null) {
        functions.close();
      }
      if (trusted != null) {
        trusted.close();
      }
      if (iam != null) {
        iam.close();
      }
      if (sns != null) {
        sns.close();
      }
      if (lease != null) {
        lease.close();
      }
      DynamoDbTarget started = dynamo != null ? dynamo : starting.exceptionally(failed -> null).join();
      if (started != null) {
        started.close();
      }
      if (dataLock != null) {
        dataLock.close();
      }
      throw e;
    }
  }

  /**
   * The live dashboard, told the feed's URL, whether the development issuer gives it tokens, and how to ask the feed's
   * {@code $connect} authorizer about one (its browser cannot see why a handshake was refused).
   */
  private static DashboardPage dashboard(LocalWebSocketApi webSocket, LocalAuth auth, String category) {
    return DashboardPage.load(webSocket == null ? null : webSocket.url().toString(),
        auth.developmentIssuer().isPresent() ? TokenEndpoint.PATH : null, webSocket == null ? null : token -> {
          LocalWebSocketApi.ConnectCheck answer = webSocket.checkConnect(token);
          return new DashboardPage.ConnectCheck.Answer(answer.status(), answer.reason());
        }, category);
  }

  /** The seed's category with most products, else {@value #DEFAULT_CATEGORY}: the dashboard shows it first. */
  private static String dashboardCategory(LocalOptions options) {
    String category = options.seed() == null ? null : SeedData.categoryWithMostProducts(options.seed());
    return category != null ? category : DEFAULT_CATEGORY;
  }

  /**
   * The local values of the template's intrinsics: the tables' local names, fixed before the tables exist, so an
   * unresolvable reference in an environment stops the start before DynamoDB Local is even up.
   */
  private static IntrinsicResolver resolver(SamTemplate template) {
    Map<String, String> tables = new LinkedHashMap<>();
    template.tables().keySet().forEach(id -> tables.put(id, TemplateTables.physicalName(id, TABLE_SUFFIX)));
    return template.resolver().physicalNames(tables).build();
  }

  private static void awaitQuiet(StreamConsumers streams) {
    try {
      streams.awaitQuiet(STREAMS_QUIET);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalApiException("Interrupted while the stream consumers caught up", e);
    }
  }

  /** A refused call in one console line, as the function's log would show the exception. */
  private static IamCall.Listener denials(PrintStream console) {
    return call -> {
      if (!call.allowed()) {
        console.printf("[%s] AccessDeniedException: %s%n", call.function(), call.message());
      }
    };
  }

  /**
   * Loads the SDK's client classes while DynamoDB Local is still starting, so that creating the tables, the step
   * that has to wait for it, does not load them too: one request, to a port where nothing listens.
   */
  private static void preloadSdk() {
    try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("preload", "preload")))
        .overrideConfiguration(settings -> settings.retryStrategy(retry -> retry.maxAttempts(1)))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      client.describeTable(request -> request.tableName("preload"));
    } catch (SdkClientException nothingListensThere) {
      // Expected: the request went through the whole client pipeline, which is what was to be loaded.
    }
  }

  private static DynamoDbTarget join(CompletableFuture<DynamoDbTarget> starting) {
    try {
      return starting.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private static void silence() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(nowhere);
    System.setErr(nowhere);
  }

  public LocalApi api() {
    return api;
  }

  /** The template's functions, shared by the event sources. */
  public LocalFunctions functions() {
    return functions;
  }

  /** The template's WebSocket API, as served; null when the template has none. */
  public LocalWebSocketApi webSocket() {
    return webSocket;
  }

  public DynamoDbTarget dynamo() {
    return dynamo;
  }

  /** The functions' identities, and whether their policies are enforced. */
  public LocalIam iam() {
    return iam;
  }

  /** The local SNS endpoint: the template's topics, and what the functions published. */
  public LocalSns sns() {
    return sns;
  }

  /** The stream consumers; null when one function is invoked alone ({@code -Dinvoke}). */
  public StreamConsumers streams() {
    return streams;
  }

  /**
   * The category the dashboard shows when its address names none, and its link names: the one with most products in
   * the seed file, so the table is not empty; without a seed, {@value #DEFAULT_CATEGORY}.
   */
  public String dashboardCategory() {
    return dashboardCategory;
  }

  /** Products the seed file added (0 without one, or when all were there already). */
  public int seeded() {
    return seeded;
  }

  @Override
  public void close() {
    try {
      if (streams != null) {
        streams.close();
      }
      api.close();
      if (webSocket != null) {
        webSocket.close();
      }
      functions.close();
      iam.close();
      sns.close();
      api.auth().close();
      if (lease != null) {
        lease.close();
      }
    } finally {
      try {
        dynamo.close();
      } finally {
        if (dataLock != null) {
          dataLock.close();
        }
      }
    }
  }
}

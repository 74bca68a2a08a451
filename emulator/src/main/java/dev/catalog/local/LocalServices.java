package dev.catalog.local;

import dev.catalog.local.auth.LocalAuth;
import dev.catalog.local.auth.RemoteIssuer;
import dev.catalog.local.auth.TokenEndpoint;
import dev.catalog.local.auth.TrustedIssuer;
import dev.catalog.local.console.LocalApiException;
import dev.catalog.local.console.RequestLog;
import dev.catalog.local.dashboard.DashboardPage;
import dev.catalog.local.dynamodb.DynamoDbFront;
import dev.catalog.local.dynamodb.DynamoDbTarget;
import dev.catalog.local.dynamodb.EmbeddedDynamoDb;
import dev.catalog.local.dynamodb.ExternalDynamoDb;
import dev.catalog.local.dynamodb.TemplateTables;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.local.events.schedule.LocalSchedules;
import dev.catalog.local.events.schedule.ScheduleSource;
import dev.catalog.local.events.schedule.TemplateSchedules;
import dev.catalog.local.events.sns.LocalSns;
import dev.catalog.local.events.sns.TemplateTopics;
import dev.catalog.local.events.stream.EventSourceMappings;
import dev.catalog.local.events.stream.FunctionInvoker;
import dev.catalog.local.events.stream.StreamConsumers;
import dev.catalog.local.events.websocket.LocalWebSocketApi;
import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.IamCall;
import dev.catalog.local.iam.LocalIam;
import dev.catalog.local.iam.TemplatePolicies;
import dev.catalog.local.lambda.LocalFunctions;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.LocalValues;
import dev.catalog.template.SamTemplate;
import dev.catalog.template.WebSocketApiDef;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local system of a template, assembled in one place: a DynamoDB with the template's tables, the functions'
 * identities with IAM enforced in front of it ({@link LocalIam}), local SNS with the template's topics, and, when
 * asked for, the functions ({@link LocalFunctions}) with the event sources that invoke them: the REST API
 * ({@link LocalApi}) with the template's authorizers, the WebSocket API ({@link LocalWebSocketApi}), the stream
 * consumers and the schedules ({@link LocalSchedules}). Each user asks its {@link Builder} for the parts it needs:
 *
 * <ul>
 *   <li>{@code ./mvnw -Plocal} ({@link LocalMain}, through {@link #builder(LocalOptions)}): all of it, on DynamoDB
 *       Local in this JVM (in memory or in {@code -Dlocal.data}) or an outside DynamoDB, tables under stable names
 *       ({@code products-local}), the dashboard and the seed; {@code -Dinvoke=} ({@link LocalInvoke}) the same
 *       without the stream consumers and the schedules.
 *   <li>The tests' {@code DynamoDbLocal} extension: the test JVM's DynamoDB, tables of the class's own deleted
 *       after it, every IAM decision recorded, and a fault proxy in front of IAM when asked for; the API extension
 *       adds the REST API when its calls go over HTTP.
 * </ul>
 *
 * <p>{@link #close()} stops what was started, in the reverse order, once; a start that fails stops what it had
 * started before throwing. DynamoDB Local, the slowest part, starts on a thread of its own while the template is
 * read, the environments resolved and the functions and APIs prepared; a function's first instance waits until the
 * tables and the IAM endpoint exist.
 */
public final class LocalServices implements AutoCloseable {
  /** The tool's table names end in this, e.g. {@code products-local}, so they stay the same across runs. */
  static final String TABLE_SUFFIX = "local";

  /** The dashboard's category when no seed suggests one: the one "Try it" in the README creates a product in. */
  static final String DEFAULT_CATEGORY = "lighting";

  /** How long the start waits for the stream consumers to have delivered what is in the tables. */
  static final Duration STREAMS_QUIET = Duration.ofSeconds(30);

  /** What {@link #close()} stops, the last started first. */
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** What a function needs from the DynamoDB side, known once the tables and the IAM endpoint are up. */
  private final CompletableFuture<DynamoDbReach> reach = new CompletableFuture<>();

  private final Map<String, Map<String, String>> environments = new ConcurrentHashMap<>();
  private final Builder parts;

  private SamTemplate template;
  private IntrinsicResolver resolver;
  private Map<String, String> tableNames;
  private DynamoDbTarget dynamo;
  private LocalIam iam;
  private DynamoDbFront front;
  private LocalSns sns;
  private LocalAuth auth;
  private LocalFunctions functions;
  private volatile LocalWebSocketApi webSocket;
  private LocalApi api;
  private IamCall.Listener iamListener;
  private EventSourceMappings streamMappings;
  private StreamConsumers streams;
  private List<ScheduleSource> scheduleSources;
  private LocalSchedules schedules;
  private int seeded;

  private record DynamoDbReach(LocalIam iam, Map<String, String> clientEnvironment, URI front) {}

  private LocalServices(Builder parts) {
    this.parts = parts;
  }

  /** The parts of the local system of {@code template}; by default DynamoDB Local in memory, IAM enforced, SNS. */
  public static Builder builder(SamTemplate template) {
    return new Builder(Objects.requireNonNull(template, "template"), null);
  }

  /** As {@link #builder(SamTemplate)}, the template read once DynamoDB Local is starting, beside it. */
  public static Builder builder(Path template) {
    return new Builder(null, Objects.requireNonNull(template, "template"));
  }

  /**
   * What {@code ./mvnw -Plocal} runs with {@code options}: everything, the stream consumers only when no function is
   * invoked alone ({@code -Dinvoke}); the tool's own lines on the console of {@link Builder#console}.
   */
  public static Builder builder(LocalOptions options) {
    Builder parts =
        builder(options.template())
            .stableTables(TABLE_SUFFIX)
            .iam(options.iam())
            .maxInstances(options.maxInstances())
            .restApi(options.port())
            .webSocketApi(options.wsPort())
            .dashboard(dashboardCategory(options));
    if (options.dynamodb() != null) {
      parts.outsideDynamoDb(options.dynamodb());
    } else {
      parts.dynamoDbLocal(options.data());
    }
    if (!options.auth()) {
      parts.authOff();
    } else if (options.issuer() != null) {
      parts.auth(RemoteIssuer.of(options.issuer()));
    }
    if (options.invoke() == null) {
      parts.streams().schedules();
    }
    if (options.seed() != null) {
      parts.seed(options.seed());
    }
    return parts;
  }

  /**
   * Starts what {@code ./mvnw -Plocal} runs with {@code options} ({@link #builder(LocalOptions)}); on failure, stops
   * what was started.
   *
   * @throws dev.catalog.template.TemplateException for a template that cannot be used
   * @throws LocalApiException for other bad input (handler, port, seed file), or a data folder or an outside DynamoDB
   *     another local system is using ({@link DataFolderLock}, {@link DynamoDbLease})
   * @throws dev.catalog.local.events.stream.EventSourceMappingException for a stream mapping Lambda would refuse
   *     to create, e.g. its function's role may not send to the on-failure destination
   */
  public static LocalServices start(LocalOptions options, PrintStream console) {
    return builder(options).console(console).start();
  }

  /**
   * As {@link #start(LocalOptions, PrintStream)}: the tool's own lines on {@code console}, and each event source's
   * line per request written to {@code requests} ({@link dev.catalog.local.console.LocalConsole} chooses both).
   */
  public static LocalServices start(
      LocalOptions options, PrintStream console, RequestLog requests) {
    return builder(options).console(console).requestLog(requests).start();
  }

  /** Which DynamoDB the system uses. */
  private enum DynamoDbSource {
    LOCAL,
    OUTSIDE,
    GIVEN
  }

  /** The parts of a local system, then {@link #start()}. */
  public static final class Builder {
    private final SamTemplate template;
    private final Path templatePath;
    private DynamoDbSource source = DynamoDbSource.LOCAL;
    private Path data;
    private URI outside;
    private DynamoDbTarget given;
    private String tableSuffix = TABLE_SUFFIX;
    private boolean ownTables;
    private boolean iamEnforced = true;
    private IamCall.Listener iamListener;
    private Function<URI, ? extends DynamoDbFront> front;
    private PrintStream console = System.out;
    private RequestLog requests = RequestLog.NONE;
    private int maxInstances;
    private boolean authOff;
    private final Map<String, String> parameters = new java.util.LinkedHashMap<>();
    private TrustedIssuer issuer;
    private Integer restPort;
    private Integer webSocketPort;
    private String dashboardCategory;
    private boolean streams;
    private boolean schedules;
    private Duration schedulePeriod;
    private Path seed;

    private Builder(SamTemplate template, Path templatePath) {
      this.template = template;
      this.templatePath = templatePath;
    }

    /**
     * DynamoDB Local started in this JVM, its data kept in {@code data} (created if missing; one system per folder,
     * {@link DataFolderLock}) or in memory when it is null; stopped at close. The default, in memory.
     */
    public Builder dynamoDbLocal(Path data) {
      this.source = DynamoDbSource.LOCAL;
      this.data = data;
      return this;
    }

    /**
     * The DynamoDB at {@code endpoint}, which someone else runs (e.g. DynamoDB Local in a container); with stable
     * tables, one system at a time on them ({@link DynamoDbLease}).
     */
    public Builder outsideDynamoDb(URI endpoint) {
      this.source = DynamoDbSource.OUTSIDE;
      this.outside = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** A DynamoDB already running, e.g. the one a test JVM shares; left running at close. */
    public Builder dynamoDb(DynamoDbTarget running) {
      this.source = DynamoDbSource.GIVEN;
      this.given = Objects.requireNonNull(running, "running");
      return this;
    }

    /**
     * The template's tables named with {@code suffix} ({@code products-local}) and kept: a table already there with
     * the template's keys and indexes (a data folder's, an outside DynamoDB's) is used with its data. The default,
     * suffix {@value LocalServices#TABLE_SUFFIX}.
     */
    public Builder stableTables(String suffix) {
      this.tableSuffix = Objects.requireNonNull(suffix, "suffix");
      this.ownTables = false;
      return this;
    }

    /** The template's tables created afresh, named with {@code suffix}, and deleted at close. */
    public Builder ownTables(String suffix) {
      this.tableSuffix = Objects.requireNonNull(suffix, "suffix");
      this.ownTables = true;
      return this;
    }

    /** Whether the functions' template policies are enforced (default: yes). */
    public Builder iam(boolean enforced) {
      this.iamEnforced = enforced;
      return this;
    }

    /** Told every IAM decision on a function's call, any service's (default: a console line per denial). */
    public Builder iamListener(IamCall.Listener listener) {
      this.iamListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Something in front of the functions' DynamoDB endpoint (the IAM endpoint), started on its URL once that is up,
     * e.g. a fault proxy: the functions' {@code DYNAMODB_ENDPOINT} is its URL. Closed with the system.
     */
    public Builder dynamoDbFront(Function<URI, ? extends DynamoDbFront> front) {
      this.front = front;
      return this;
    }

    /** Where the tool's own lines go: cold starts, refusals, each SNS message, stream failures (default: System.out). */
    public Builder console(PrintStream console) {
      this.console = Objects.requireNonNull(console, "console");
      return this;
    }

    /** Where each event source writes its line per request (default: nowhere). */
    public Builder requestLog(RequestLog requests) {
      this.requests = Objects.requireNonNull(requests, "requests");
      return this;
    }

    /** At most this many instances of one function at once (0, the default: no cap). */
    public Builder maxInstances(int maxInstances) {
      this.maxInstances = maxInstances;
      return this;
    }

    /**
     * The template's authorizers off: every guarded route served as a local administrator, the WebSocket API's
     * {@code $connect} without its authorizer. By default they are enforced with a development issuer served here.
     */
    public Builder authOff() {
      this.authOff = true;
      this.issuer = null;
      return this;
    }

    /** The template's authorizers enforced, accepting the tokens of {@code issuer} only. */
    public Builder auth(TrustedIssuer issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      this.authOff = false;
      return this;
    }

    /**
     * A value for one of the template's parameters instead of its Default, as {@code sam deploy
     * --parameter-overrides} gives it: in every value that refers to it (the functions' environment, the gateway
     * responses).
     */
    public Builder parameter(String name, String value) {
      this.parameters.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The REST API on {@code port} (0: any free one). */
    public Builder restApi(int port) {
      this.restPort = port;
      return this;
    }

    /** The template's WebSocket API, when it has one, on {@code port} (0: any free one). */
    public Builder webSocketApi(int port) {
      this.webSocketPort = port;
      return this;
    }

    /** The live dashboard on the REST API's {@code /}, showing {@code category} first. */
    public Builder dashboard(String category) {
      this.dashboardCategory = category;
      return this;
    }

    /** The template's schedules ({@code Schedule}, {@code ScheduleV2} events), invoking the functions at their rates. */
    public Builder schedules() {
      this.schedules = true;
      return this;
    }

    /**
     * The template's schedules, each invoking its function every {@code period} instead of at its rate: for tests
     * that cannot wait for a rate of minutes.
     */
    public Builder schedules(Duration period) {
      this.schedules = true;
      this.schedulePeriod = period;
      return this;
    }

    /** The template's DynamoDB stream event sources, delivering to the functions. */
    public Builder streams() {
      this.streams = true;
      return this;
    }

    /** The products of {@code file} put through the REST API once everything runs. */
    public Builder seed(Path file) {
      this.seed = file;
      return this;
    }

    /**
     * Starts the parts; on failure, stops those already started and throws.
     *
     * @throws dev.catalog.template.TemplateException for a template that cannot be used
     * @throws LocalApiException for other bad input (handler, port, seed file), or a data folder or an outside
     *     DynamoDB another local system is using
     * @throws dev.catalog.local.events.stream.EventSourceMappingException for a stream mapping Lambda would refuse
     */
    public LocalServices start() {
      if (seed != null && restPort == null) {
        throw new IllegalStateException(
            "A seed is put through the REST API: ask for restApi(port) too");
      }
      LocalServices system = new LocalServices(this);
      try {
        system.start();
        return system;
      } catch (RuntimeException | Error e) {
        system.reach.completeExceptionally(e);
        try {
          system.close();
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
    }
  }

  private void start() {
    Builder parts = this.parts;
    PrintStream console = parts.console;
    // Before anything starts: a second system on the same data would share its DynamoDB files and
    // its streams.
    if (parts.source == DynamoDbSource.LOCAL && parts.data != null) {
      started(DataFolderLock.take(parts.data));
    }
    CompletableFuture<DynamoDbTarget> starting = new CompletableFuture<>();
    if (parts.source != DynamoDbSource.GIVEN) {
      // Stopped once its start is over, even when what follows fails first.
      started(
          () -> {
            DynamoDbTarget target = starting.exceptionally(failed -> null).join();
            if (target != null) {
              target.close();
            }
          });
    }
    PrintStream out = System.out;
    PrintStream err = System.err;
    // DynamoDB Local prints its settings, and SLF4J (on the first server's start) that it has no
    // binding: when the
    // system connects to a DynamoDB itself, the start keeps both off the console; the ready line
    // says what matters.
    boolean quiet = parts.source != DynamoDbSource.GIVEN;
    try {
      if (quiet) {
        silence();
      }
      switch (parts.source) {
        case GIVEN -> starting.complete(parts.given);
        case OUTSIDE -> starting.complete(new ExternalDynamoDb(parts.outside));
        case LOCAL ->
            Thread.ofPlatform()
                .name("dynamodb-local-start")
                .start(
                    () -> {
                      try {
                        starting.complete(EmbeddedDynamoDb.start(parts.data));
                      } catch (Throwable e) {
                        starting.completeExceptionally(e);
                      }
                    });
      }
      if (quiet) {
        org.slf4j.LoggerFactory.getILoggerFactory();
      }
      startBeforeDynamoDb(parts);
      if (parts.source == DynamoDbSource.LOCAL) {
        preloadSdk();
      }
      dynamo = join(starting);
    } finally {
      if (quiet) {
        System.setOut(out);
        System.setErr(err);
      }
    }
    startOnDynamoDb(parts);
    // The stream consumers start polling once the tables exist.
    if (streamMappings != null) {
      streams =
          started(
              streamMappings.start(
                  dynamo.endpoint(),
                  dynamo.credentials(),
                  FunctionInvoker.of(functions),
                  console,
                  Clock.systemUTC(),
                  parts.requests));
    }
    if (!scheduleSources.isEmpty()) {
      schedules =
          started(
              LocalSchedules.every(
                  parts.schedulePeriod,
                  scheduleSources,
                  FunctionInvoker.of(functions),
                  TemplatePolicies.region(resolver),
                  TemplatePolicies.accountId(resolver),
                  console,
                  Clock.systemUTC()));
    }
    seeded =
        parts.seed == null
            ? 0
            : SeedData.put(
                api.url(),
                parts.seed,
                auth.developmentIssuer()
                    .map(issuer -> issuer.service("products/admin").accessToken())
                    .orElse(null));
    // What the seed (or a table kept in -Dlocal.data) set going is delivered, and its lines
    // printed, before the
    // ready line: nothing of the start follows it.
    if (streams != null) {
      awaitQuiet(streams);
    }
  }

  /**
   * What does not need the DynamoDB to be up: the template read and its local values fixed (the tables' names before
   * the tables exist, so an unresolvable reference in an environment stops the start before DynamoDB Local is even
   * up), the stream mappings checked, SNS, the authorizers, the functions and the APIs.
   */
  private void startBeforeDynamoDb(Builder parts) {
    PrintStream console = parts.console;
    template = parts.template != null ? parts.template : SamTemplate.load(parts.templatePath);
    tableNames =
        Collections.unmodifiableMap(TemplateTables.physicalNames(template, parts.tableSuffix));
    LocalValues local = template.resolver().physicalNames(tableNames);
    parts.parameters.forEach(local::parameter);
    if (parts.source == DynamoDbSource.GIVEN) {
      local.region(parts.given.region());
    }
    resolver = local.build();
    iamListener = parts.iamListener != null ? parts.iamListener : denials(console);
    // The functions' roles, for the services the tool serves itself and for what Lambda does with
    // them.
    Authorizer roles =
        parts.iamEnforced
            ? Authorizer.enforcing(template, resolver, iamListener)
            : Authorizer.off(template, resolver);
    boolean apis = parts.restPort != null || parts.webSocketPort != null;
    if (apis || parts.streams || parts.schedules) {
      template.functions().keySet().forEach(this::templateEnvironment);
    }
    // Event source: DynamoDB Streams, its mappings created as Lambda creates them, before anything
    // starts: one the
    // function's role does not allow stops the start.
    streamMappings = parts.streams ? EventSourceMappings.create(template, resolver, roles) : null;
    // Event source: EventBridge schedules, read (rate expressions only) before anything starts.
    scheduleSources = parts.schedules ? TemplateSchedules.read(template, resolver) : List.of();
    // SNS: the template's topics, each function's SNS_ENDPOINT.
    sns =
        started(
            LocalSns.start(
                TemplateTopics.read(template, resolver),
                roles,
                TemplatePolicies.region(resolver),
                TemplatePolicies.accountId(resolver),
                console));
    if (apis) {
      auth =
          parts.authOff
              ? LocalAuth.off(template, resolver)
              : parts.issuer != null
                  ? LocalAuth.enforcing(template, resolver, parts.issuer)
                  : LocalAuth.development(template, resolver);
      started(auth::close);
      if (parts.seed != null && auth.enforced() && auth.developmentIssuer().isEmpty()) {
        throw new LocalApiException(
            "-Dlocal.seed writes with a token of the development issuer; with -Dlocal.issuer"
                + " seed through the API with a token of that pool instead");
      }
    }
    if (apis || parts.streams || parts.schedules) {
      functions =
          started(LocalFunctions.prepare(template, this::environment, parts.maxInstances, console));
    }
    if (parts.webSocketPort != null && WebSocketApiDef.of(template, resolver).isPresent()) {
      LocalWebSocketApi.Builder served =
          LocalWebSocketApi.builder(template, resolver)
              .functions(functions)
              .iam(() -> reach.join().iam())
              .port(parts.webSocketPort)
              .console(console)
              .requestLog(parts.requests);
      if (!auth.enforced()) {
        // As the REST API's Cognito authorizer, the $connect authorizer is not run: a local
        // administrator connects.
        served.authorizersOff(LocalAuth.OFF_CONNECT_CONTEXT);
      }
      webSocket = started(served.start());
    }
    if (parts.restPort != null) {
      LocalApi.Builder rest =
          LocalApi.builder(template)
              .functions(functions)
              .auth(auth)
              .port(parts.restPort)
              .console(console)
              .requestLog(parts.requests);
      if (parts.dashboardCategory != null) {
        rest.dashboard(dashboard(webSocket, auth, parts.dashboardCategory));
      }
      api = started(rest.start());
    }
  }

  /** What needs the DynamoDB: the lease on it, the tables, the IAM endpoint in front of it, and what is in front of that. */
  private void startOnDynamoDb(Builder parts) {
    if (parts.source == DynamoDbSource.OUTSIDE && !parts.ownTables) {
      // An outside DynamoDB may have another local system on its tables already: a lease there says
      // so.
      started(
          DynamoDbLease.take(
              dynamo.newClient(), parts.outside, parts.tableSuffix, Clock.systemUTC()));
    }
    if (parts.ownTables) {
      DynamoDbClient client = started(dynamo.newClient());
      TemplateTables.create(client, template, parts.tableSuffix);
      started(() -> TemplateTables.delete(client, tableNames.values()));
    } else {
      try (DynamoDbClient client = dynamo.newClient()) {
        TemplateTables.createMissing(client, template, parts.tableSuffix);
      }
    }
    iam =
        started(
            parts.iamEnforced
                ? LocalIam.enforce(template, resolver, dynamo.endpoint(), iamListener)
                : LocalIam.off(dynamo.endpoint()));
    front = parts.front == null ? null : started(parts.front.apply(iam.endpoint()));
    reach.complete(
        new DynamoDbReach(iam, dynamo.clientEnvironment(), front == null ? null : front.url()));
  }

  /**
   * What function {@code logicalId} sees here: its template environment resolved to the local values (globals and its
   * own variables), the endpoints that enforce its template policy ({@code DYNAMODB_ENDPOINT}, or the front's URL;
   * {@code SNS_ENDPOINT}) with credentials naming it, the local issuer instead of the cloud pool for a function that
   * verifies tokens itself, and the local {@code @connections} endpoint. Waits until the tables and IAM are up.
   */
  public Map<String, String> environment(String logicalId) {
    Map<String, String> environment = new LinkedHashMap<>(templateEnvironment(logicalId));
    DynamoDbReach dynamoDb = reach.join();
    environment.putAll(dynamoDb.iam().clientEnvironment(logicalId, dynamoDb.clientEnvironment()));
    if (dynamoDb.front() != null) {
      environment.put("DYNAMODB_ENDPOINT", dynamoDb.front().toString());
    }
    environment.put("SNS_ENDPOINT", sns.url().toString());
    // A function verifying tokens itself (the feed's authorizer) trusts the local issuer, not the
    // cloud pool.
    if (auth != null && environment.containsKey("TOKEN_ISSUER")) {
      environment.putAll(auth.tokenEnvironment());
    }
    LocalWebSocketApi served = webSocket;
    return Collections.unmodifiableMap(
        served == null
            ? environment
            : LocalWebSocketApi.localEndpoint(environment, served.connectionsEndpoint()));
  }

  private Map<String, String> templateEnvironment(String logicalId) {
    return environments.computeIfAbsent(
        logicalId, id -> template.function(id).environment(resolver));
  }

  private <T extends AutoCloseable> T started(T part) {
    started.push(part);
    return part;
  }

  /**
   * The live dashboard, told the feed's URL, whether the development issuer gives it tokens, and how to ask the feed's
   * {@code $connect} authorizer about one (its browser cannot see why a handshake was refused).
   */
  private static DashboardPage dashboard(
      LocalWebSocketApi webSocket, LocalAuth auth, String category) {
    return DashboardPage.load(
        webSocket == null ? null : webSocket.url().toString(),
        auth.developmentIssuer().isPresent() ? TokenEndpoint.PATH : null,
        webSocket == null
            ? null
            : token -> {
              LocalWebSocketApi.ConnectCheck answer = webSocket.checkConnect(token);
              return new DashboardPage.ConnectCheck.Answer(answer.status(), answer.reason());
            },
        category);
  }

  /** The seed's category with most products, else {@value #DEFAULT_CATEGORY}: the dashboard shows it first. */
  private static String dashboardCategory(LocalOptions options) {
    String category =
        options.seed() == null ? null : SeedData.categoryWithMostProducts(options.seed());
    return category != null ? category : DEFAULT_CATEGORY;
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
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("preload", "preload")))
            .overrideConfiguration(
                settings -> settings.retryStrategy(retry -> retry.maxAttempts(1)))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      client.describeTable(request -> request.tableName("preload"));
    } catch (SdkClientException nothingListensThere) {
      // Expected: the request went through the whole client pipeline, which is what was to be
      // loaded.
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

  /** The template the system runs. */
  public SamTemplate template() {
    return template;
  }

  /** The local values of the template's intrinsics: the tables' names, region, account. */
  public IntrinsicResolver resolver() {
    return resolver;
  }

  /** The physical names of the template's tables, by logical id in template order. */
  public Map<String, String> tableNames() {
    return tableNames;
  }

  /** The REST API; null unless asked for. */
  public LocalApi api() {
    return api;
  }

  /** The template's functions, shared by the event sources; null when no event source was asked for. */
  public LocalFunctions functions() {
    return functions;
  }

  /** The template's WebSocket API, as served; null when the template has none or it was not asked for. */
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

  /** The template's schedules as run; null unless asked for and the template has some. */
  public LocalSchedules schedules() {
    return schedules;
  }

  /** The stream consumers; null unless asked for (not while one function is invoked alone, {@code -Dinvoke}). */
  public StreamConsumers streams() {
    return streams;
  }

  /**
   * The category the dashboard shows when its address names none, and its link names: the one with most products in
   * the seed file, so the table is not empty; without a seed, {@value #DEFAULT_CATEGORY}. Null without a dashboard.
   */
  public String dashboardCategory() {
    return parts.dashboardCategory;
  }

  /** Products the seed file added (0 without one, or when all were there already). */
  public int seeded() {
    return seeded;
  }

  /**
   * Stops every part started, the last started first, each even when one before it failed to stop (the first
   * failure is thrown, the others added to it); a second call does nothing.
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    while (true) {
      AutoCloseable part;
      synchronized (started) {
        part = started.poll();
      }
      if (part == null) {
        break;
      }
      try {
        part.close();
      } catch (Exception e) {
        RuntimeException unchecked =
            e instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("Stopping " + part + ": " + e.getMessage(), e);
        if (failure == null) {
          failure = unchecked;
        } else {
          failure.addSuppressed(unchecked);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

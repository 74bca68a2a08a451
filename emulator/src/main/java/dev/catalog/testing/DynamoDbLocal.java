package dev.catalog.testing;

import dev.catalog.local.LocalServices;
import dev.catalog.local.dynamodb.DynamoDbTarget;
import dev.catalog.local.dynamodb.LocalStackDynamoDb;
import dev.catalog.local.dynamodb.TemplateTables;
import dev.catalog.local.events.sns.LocalSns;
import dev.catalog.local.iam.IamCall;
import dev.catalog.local.iam.LocalIam;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.faults.FaultProxy;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * JUnit 5 extension giving a test class DynamoDB with the template's tables:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
 * }</pre>
 *
 * <p>One DynamoDB serves the whole test JVM: DynamoDB Local, in memory, started on first use and stopped when JUnit
 * closes its root store at the end of the run. Each class gets its own copies of the tables of {@code template.yaml},
 * under unique names ({@code products-<random>}), deleted after the class, so classes never see each other's data.
 *
 * <p>With {@code -Ddynamodb=localstack} (or {@code DYNAMODB_TARGET=localstack}) the tables live in LocalStack in a
 * container instead; without a Docker engine the class is aborted with "Docker is not available: skipping tests
 * against LocalStack", the only reason these tests ever skip.
 *
 * <p>The template's functions have their identities here, with IAM enforced ({@link LocalIam}): the environment and
 * clients of a function ({@link #environment(String)}, {@link #functionClient(String)}) call through an endpoint that
 * holds the function's template policy, and every decision on the real template's functions goes to
 * {@link IamRecord}. {@link #client()} is the administrator's, outside IAM.
 *
 * <p>The template's SNS topics are served by a {@link LocalSns} of the class's own, the functions' {@code SNS_ENDPOINT},
 * with the same policies enforced and recorded ({@link #sns()}: what was published).
 *
 * <p>All of it is the class's own {@link LocalServices}, the composition {@code ./mvnw -Plocal} runs too, here on the
 * test JVM's DynamoDB with tables of the class's own; {@link #serving} asks it for more (the REST API, ...).
 */
public final class DynamoDbLocal
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  /** The real template at the repository root; the working directory of Maven's test run. */
  public static final Path TEMPLATE = Path.of("template.yaml");

  static final String DOCKER_MISSING = "Docker is not available: skipping tests against LocalStack";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DynamoDbLocal.class);

  private final Path templatePath;
  private final boolean withFaults;
  private final Consumer<LocalServices.Builder> moreParts;
  private SamTemplate template;
  private boolean dockerMissing;
  private LocalServices services;
  private DynamoDbClient client;
  private FaultProxy faults;
  private final List<IamCall> calls = new CopyOnWriteArrayList<>();
  private final List<IamCall> denials = new CopyOnWriteArrayList<>();
  private final List<DynamoDbClient> functionClients = new CopyOnWriteArrayList<>();

  /** Tables from {@code template.yaml}; a missing or broken template fails the class with its message. */
  public DynamoDbLocal() {
    this(TEMPLATE);
  }

  /** Tables from another template, e.g. a fixture for testing the tools themselves. */
  public DynamoDbLocal(Path template) {
    this(template, false, parts -> {});
  }

  private DynamoDbLocal(
      Path template, boolean withFaults, Consumer<LocalServices.Builder> moreParts) {
    this.templatePath = template;
    this.withFaults = withFaults;
    this.moreParts = moreParts;
  }

  /**
   * Like {@link #DynamoDbLocal()}, with a {@link FaultProxy} between the functions and DynamoDB (in front of the IAM
   * endpoint): {@link #faults()} plans what their calls meet. The administrator's {@link #client()} goes around it.
   */
  public static DynamoDbLocal behindFaultProxy() {
    return new DynamoDbLocal(TEMPLATE, true, parts -> {});
  }

  /**
   * This extension with more of the local system started for the class, on its tables: {@code parts} asks for them
   * (e.g. {@code parts -> parts.restApi(0)}), {@link #services()} reaches them; stopped after the class with the rest.
   */
  public DynamoDbLocal serving(Consumer<LocalServices.Builder> parts) {
    return new DynamoDbLocal(templatePath, withFaults, moreParts.andThen(parts));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    template = SamTemplate.load(templatePath);
    DynamoDbTarget.Kind kind = DynamoDbTarget.selected();
    if (kind == DynamoDbTarget.Kind.LOCALSTACK && !LocalStackDynamoDb.dockerAvailable()) {
      // Aborting here would hide the reason (Surefire reports an aborted class as zero tests): each
      // test is
      // aborted instead, and shows up as skipped with the message.
      dockerMissing = true;
      return;
    }
    // The root store outlives every class and closes AutoCloseable values once, when the run ends.
    DynamoDbTarget target =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(kind, DynamoDbTarget::start, DynamoDbTarget.class);
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    boolean recorded =
        templatePath.toAbsolutePath().normalize().equals(TEMPLATE.toAbsolutePath().normalize());
    Map<String, String> names = TemplateTables.physicalNames(template, suffix);
    // Every decision, on DynamoDB and on SNS alike, for this class; the real template's for the
    // whole run too.
    IamCall.Listener listener =
        call -> {
          calls.add(call);
          if (!call.allowed()) {
            denials.add(call);
          }
          if (recorded) {
            IamRecord.add(call, names);
          }
        };
    LocalServices.Builder parts =
        LocalServices.builder(template)
            .dynamoDb(target)
            .ownTables(suffix)
            .iamListener(listener)
            .console(new PrintStream(OutputStream.nullOutputStream()));
    if (withFaults) {
      parts.dynamoDbFront(endpoint -> faults = FaultProxy.start(endpoint));
    }
    moreParts.accept(parts);
    services = parts.start();
    client = target.newClient();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    requireDocker(!dockerMissing);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try (LocalServices system = services;
        DynamoDbClient admin = client) {
      functionClients.forEach(DynamoDbClient::close);
    } finally {
      functionClients.clear();
      services = null;
      client = null;
      faults = null;
    }
  }

  /** Aborts (not fails) the current test when LocalStack was asked for but Docker cannot be reached. */
  static void requireDocker(boolean dockerAvailable) {
    Assumptions.assumeTrue(dockerAvailable, DOCKER_MISSING);
  }

  /** Where the DynamoDB of this run listens, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return started().dynamo().endpoint();
  }

  /** A client for this class's tables (url-connection client, static dummy credentials); closed after the class. */
  public DynamoDbClient client() {
    started();
    return client;
  }

  /** This class's physical name of a table of the template, e.g. {@code products-3f9a1c2e} for {@code ProductsTable}. */
  public String tableName(String logicalId) {
    started();
    template.table(logicalId); // fails naming the tables there are
    return services.tableNames().get(logicalId);
  }

  /** Physical table names by logical id, in template order. */
  public Map<String, String> tableNames() {
    return started().tableNames();
  }

  /** The template this extension created its tables from. */
  public SamTemplate template() {
    started();
    return template;
  }

  /**
   * What a function of the template sees here: {@code Globals.Function.Environment} resolved to this class's tables
   * (PRODUCTS_TABLE, IDEMPOTENCY_TABLE, ALLOWED_ORIGINS, CURSOR_SIGNING_KEY with a random local key, ...), plus
   * DYNAMODB_ENDPOINT, AWS_REGION and dummy credentials.
   */
  public Map<String, String> environment() {
    LocalServices system = started();
    Map<String, String> environment =
        new LinkedHashMap<>(
            system.resolver().resolveEnvironment("Globals.Function", template.globalEnvironment()));
    environment.putAll(system.dynamo().clientEnvironment());
    return Collections.unmodifiableMap(environment);
  }

  /**
   * Like {@link #environment()}, for one function: the globals merged with its own variables, and its identity:
   * credentials naming it, and the endpoints that enforce its template policy ({@code DYNAMODB_ENDPOINT},
   * {@code SNS_ENDPOINT}), as the local system gives it ({@link LocalServices#environment(String)}).
   */
  public Map<String, String> environment(String functionLogicalId) {
    return started().environment(functionLogicalId);
  }

  /** This class's SNS endpoint: the template's topics, and every message the functions published to them. */
  public LocalSns sns() {
    return started().sns();
  }

  /** The proxy between the functions and DynamoDB; only with {@link #behindFaultProxy()}. */
  public FaultProxy faults() {
    started();
    if (faults == null) {
      throw new IllegalStateException(
          "No fault proxy: create the extension with DynamoDbLocal.behindFaultProxy()");
    }
    return faults;
  }

  /** The local system of this class: its tables, IAM, SNS, and what {@link #serving} added. */
  public LocalServices services() {
    return started();
  }

  /** How a client is built for a function: the functions' own configuration (timeouts, retries) in their tests. */
  @FunctionalInterface
  public interface ClientBuilder {
    DynamoDbClientBuilder builder(
        String region, String endpoint, AwsCredentialsProvider credentials);
  }

  /** A client calling as the function, within its template policy, with the SDK's defaults; closed after the class. */
  public DynamoDbClient functionClient(String functionLogicalId) {
    return functionClient(
        functionLogicalId,
        (region, endpoint, credentials) ->
            DynamoDbClient.builder()
                .region(Region.of(region))
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()));
  }

  /**
   * A client calling as the function, within its template policy, built by {@code clients} (the functions' own
   * configuration, timeouts and retries included, is theirs to give); closed after the class.
   */
  public DynamoDbClient functionClient(String functionLogicalId, ClientBuilder clients) {
    Map<String, String> environment = environment(functionLogicalId);
    DynamoDbClient functionClient =
        clients
            .builder(
                services.dynamo().region(),
                environment.get("DYNAMODB_ENDPOINT"),
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"),
                        environment.get("AWS_SECRET_ACCESS_KEY"))))
            .build();
    functionClients.add(functionClient);
    return functionClient;
  }

  /** Every call of this class's functions, as IAM decided it, in order. */
  public List<IamCall> calls() {
    return List.copyOf(calls);
  }

  /** The calls of this class's functions their policies refused, in order. */
  public List<IamCall> denials() {
    return List.copyOf(denials);
  }

  /**
   * The functions' identities and template policies, for the services the local tool serves itself (the WebSocket
   * API's {@code @connections}, ...): their decisions are recorded as those on DynamoDB calls are.
   */
  public LocalIam iam() {
    return started().iam();
  }

  /** The resolver of this class's local values (table names, region, account). */
  public IntrinsicResolver resolver() {
    return started().resolver();
  }

  private LocalServices started() {
    requireDocker(!dockerMissing);
    if (client == null) {
      throw new IllegalStateException(
          "DynamoDbLocal is not started: register it on a static field with "
              + "@RegisterExtension, and use it from tests or @BeforeAll/@BeforeEach methods");
    }
    return services;
  }
}

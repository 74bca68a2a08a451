package dev.catalog.testing;

import dev.catalog.http.Cors;
import dev.catalog.local.auth.DevelopmentIssuer;
import dev.catalog.local.auth.LocalAuth;
import dev.catalog.local.iam.IamCall;
import dev.catalog.products.ProductsContext;
import dev.catalog.storage.DynamoDbClients;
import dev.catalog.testing.faults.FaultProxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * JUnit 5 extension giving a test class the whole API on DynamoDB Local, behind an {@link ApiTarget}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ProductsApi API = new ProductsApi();
 * ...
 * ApiResult created = API.post("/products").json(body).send();
 * }</pre>
 *
 * <p>The API works on this class's own tables ({@link DynamoDbLocal}) and is reached through the template's routes.
 * Where it runs is chosen by the system property {@value #TARGET_PROPERTY}:
 *
 * <ul>
 *   <li>{@code in-process} (the default): the handlers are called directly with the event API Gateway would send,
 *       built with the template's environment ({@link InProcessTarget});
 *   <li>{@code local}: each test class's local system ({@link DynamoDbLocal#serving}) has the REST API too, on a free
 *       port, and every call goes over real HTTP ({@link HttpTarget}) through API Gateway's routing and events, to
 *       functions in class loaders of their own.
 * </ul>
 */
public final class ProductsApi
    implements ApiTarget, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  public static final String TARGET_PROPERTY = "api.target";

  private final DynamoDbLocal dynamo;
  private ApiTarget target;
  private ProductsContext context;
  private final DevelopmentIssuer issuer = new DevelopmentIssuer();
  private final Map<Role, String> tokens = new ConcurrentHashMap<>();

  public ProductsApi() {
    this(new DynamoDbLocal());
  }

  private ProductsApi(DynamoDbLocal dynamo) {
    // Over HTTP, the class's local system serves the REST API with this issuer's tokens; its lines
    // go to the test's
    // output.
    this.dynamo =
        dynamo.serving(
            parts -> {
              if (overHttp()) {
                parts.restApi(0).auth(issuer).console(System.out);
              }
            });
  }

  /** The API with a {@link FaultProxy} between its functions and DynamoDB: {@link #faults()} plans the faults. */
  public static ProductsApi behindFaultProxy() {
    return new ProductsApi(DynamoDbLocal.behindFaultProxy());
  }

  /** The proxy between the functions and DynamoDB; only with {@link #behindFaultProxy()}. */
  public FaultProxy faults() {
    return dynamo.faults();
  }

  @Override
  public void beforeAll(ExtensionContext extensionContext) throws Exception {
    dynamo.beforeAll(extensionContext);
    Map<String, String> environment = dynamo.environment();
    context = context(environment, dynamo.client());
    if (overHttp()) {
      target = new HttpTarget(dynamo.services().api().url());
    } else {
      target =
          new InProcessTarget(
              dynamo.template(),
              LocalAuth.enforcing(dynamo.template(), issuer),
              function ->
                  context(environment, dynamo.functionClient(function, DynamoDbClients::builder)),
              dynamo::environment);
    }
  }

  private static ProductsContext context(Map<String, String> environment, DynamoDbClient client) {
    return ProductsContext.create(
        client,
        environment.get("PRODUCTS_TABLE"),
        environment.get("IDEMPOTENCY_TABLE"),
        new Cors(environment.get("ALLOWED_ORIGINS")),
        Clock.systemUTC());
  }

  /** True when {@code -Dapi.target=local}; anything but that and {@code in-process} is refused. */
  public static boolean overHttp() {
    String selected = System.getProperty(TARGET_PROPERTY, "in-process").strip();
    return switch (selected) {
      case "", "in-process" -> false;
      case "local" -> true;
      default ->
          throw new IllegalArgumentException(
              "Unknown API target '"
                  + selected
                  + "' (from -D"
                  + TARGET_PROPERTY
                  + "): use 'in-process' (default) or 'local'");
    };
  }

  @Override
  public void beforeEach(ExtensionContext extensionContext) throws Exception {
    dynamo.beforeEach(extensionContext);
  }

  @Override
  public void afterAll(ExtensionContext extensionContext) throws Exception {
    try {
      if (target instanceof HttpTarget http) {
        http.close();
      }
    } finally {
      dynamo.afterAll(extensionContext);
    }
  }

  /**
   * Sends the call. A function's call to DynamoDB that its template policy refused fails the test with DynamoDB's
   * AccessDenied message, naming the function, action and resource, rather than with the 500 it caused.
   */
  @Override
  public ApiResult send(ApiCall call) {
    boolean ownToken =
        call.headers().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Authorization"));
    Role role = call.role() != null ? call.role() : Role.needs(call.method());
    if (!ownToken && role != Role.ANONYMOUS) {
      call.header("Authorization", "Bearer " + tokens.computeIfAbsent(role, r -> r.token(issuer)));
    }
    int before = dynamo.denials().size();
    ApiResult result = target.send(call);
    List<IamCall> denials = dynamo.denials();
    if (denials.size() > before) {
      throw new AssertionError(
          call.method()
              + " "
              + call.pathAndQuery()
              + " answered "
              + result.status()
              + " after a call outside the function's policy in template.yaml: AccessDeniedException: "
              + denials.get(before).message());
    }
    return result;
  }

  /** The issuer whose tokens the API accepts, to mint tokens of any shape. */
  public DevelopmentIssuer issuer() {
    return issuer;
  }

  /** The DynamoDB behind the API, for checking what was (or was not) written. */
  public DynamoDbLocal dynamo() {
    return dynamo;
  }

  /**
   * The stores and settings the handlers use, on an administrator's client outside IAM, for tests to set up and
   * check the tables: the same tables the functions use, but not their objects or identities.
   */
  public ProductsContext context() {
    return context;
  }
}

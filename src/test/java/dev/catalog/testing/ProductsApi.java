package dev.catalog.testing;

import dev.catalog.http.Cors;
import dev.catalog.local.LocalApi;
import dev.catalog.products.ProductsContext;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

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
 *   <li>{@code local}: each test class starts the {@link LocalApi} on a free port, and every call goes over real HTTP
 *       ({@link HttpTarget}) through API Gateway's routing and events, to functions in class loaders of their own.
 * </ul>
 */
public final class ProductsApi implements ApiTarget, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  public static final String TARGET_PROPERTY = "api.target";

  private final DynamoDbLocal dynamo = new DynamoDbLocal();
  private ApiTarget target;
  private ProductsContext context;
  private LocalApi localApi;

  @Override
  public void beforeAll(ExtensionContext extensionContext) throws Exception {
    dynamo.beforeAll(extensionContext);
    Map<String, String> environment = dynamo.environment();
    context = ProductsContext.create(
        DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo.client()).build(),
        environment.get("PRODUCTS_TABLE"), environment.get("IDEMPOTENCY_TABLE"),
        environment.get("CURSOR_SIGNING_KEY"), new Cors(environment.get("ALLOWED_ORIGINS")), Clock.systemUTC());
    if (overHttp()) {
      localApi = LocalApi.builder(dynamo.template()).environment(dynamo::environment).port(0).start();
      target = new HttpTarget(localApi.url());
    } else {
      target = new InProcessTarget(dynamo.template(), context, dynamo::environment);
    }
  }

  /** True when {@code -Dapi.target=local}; anything but that and {@code in-process} is refused. */
  static boolean overHttp() {
    String selected = System.getProperty(TARGET_PROPERTY, "in-process").strip();
    return switch (selected) {
      case "", "in-process" -> false;
      case "local" -> true;
      default -> throw new IllegalArgumentException("Unknown API target '" + selected + "' (from -D" + TARGET_PROPERTY
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
      if (localApi != null) {
        localApi.close();
      }
    } finally {
      dynamo.afterAll(extensionContext);
    }
  }

  @Override
  public ApiResult send(ApiCall call) {
    return target.send(call);
  }

  /** The DynamoDB behind the API, for checking what was (or was not) written. */
  public DynamoDbLocal dynamo() {
    return dynamo;
  }

  /**
   * The stores and settings the handlers use, in this JVM's class loader: with {@code -Dapi.target=local} the same
   * tables, but not the objects the functions hold.
   */
  public ProductsContext context() {
    return context;
  }
}

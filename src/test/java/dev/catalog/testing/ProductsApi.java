package dev.catalog.testing;

import dev.catalog.http.Cors;
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
 * <p>The handlers run in-process on this class's own tables ({@link DynamoDbLocal}), built with the template's
 * environment, and are reached through the template's routes.
 */
public final class ProductsApi implements ApiTarget, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private final DynamoDbLocal dynamo = new DynamoDbLocal();
  private ApiTarget target;
  private ProductsContext context;

  @Override
  public void beforeAll(ExtensionContext extensionContext) throws Exception {
    dynamo.beforeAll(extensionContext);
    Map<String, String> environment = dynamo.environment();
    context = ProductsContext.create(
        DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo.client()).build(),
        environment.get("PRODUCTS_TABLE"), environment.get("IDEMPOTENCY_TABLE"),
        environment.get("CURSOR_SIGNING_KEY"), new Cors(environment.get("ALLOWED_ORIGINS")), Clock.systemUTC());
    target = new InProcessTarget(dynamo.template(), context);
  }

  @Override
  public void beforeEach(ExtensionContext extensionContext) throws Exception {
    dynamo.beforeEach(extensionContext);
  }

  @Override
  public void afterAll(ExtensionContext extensionContext) throws Exception {
    dynamo.afterAll(extensionContext);
  }

  @Override
  public ApiResult send(ApiCall call) {
    return target.send(call);
  }

  /** The DynamoDB behind the API, for checking what was (or was not) written. */
  public DynamoDbLocal dynamo() {
    return dynamo;
  }

  /** The stores and settings the handlers use. */
  public ProductsContext context() {
    return context;
  }
}

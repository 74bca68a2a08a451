package dev.catalog.products;

import dev.catalog.http.Cors;
import dev.catalog.idempotency.IdempotencyStore;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.Priming;
import dev.catalog.storage.DynamoDbClients;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the products functions share: the stores, CORS and the clock. Lambda builds it once per
 * container from the environment ({@link #fromEnvironment}, via each handler's no-argument constructor), which also
 * registers the SnapStart priming hook; tests and the local API build their own with {@link #create}.
 */
public record ProductsContext(
    ProductStore products, IdempotencyStore idempotency, Cors cors, Clock clock) {

  /**
   * The container's context, built on first use from the variables template.yaml sets. The first call also registers
   * the SnapStart priming hook with {@code priming}: the calls of the calling function's own request path, which its
   * policy allows (a container runs one function).
   */
  static ProductsContext fromEnvironment(SnapStartPriming.Calls priming) {
    ProductsContext context = Holder.INSTANCE;
    Priming.register(() -> SnapStartPriming.prime(context, priming));
    return context;
  }

  private static final class Holder {
    static final ProductsContext INSTANCE =
        create(
            DynamoDbClients.enhanced(),
            DynamoDbClients.client(),
            Environment.require("PRODUCTS_TABLE"),
            Environment.require("IDEMPOTENCY_TABLE"),
            Cors.fromEnvironment(),
            Clock.systemUTC());
  }

  /** A context on {@code client}, with an Enhanced Client of its own. */
  public static ProductsContext create(
      DynamoDbClient client,
      String productsTable,
      String idempotencyTable,
      Cors cors,
      Clock clock) {
    return create(
        DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(),
        client,
        productsTable,
        idempotencyTable,
        cors,
        clock);
  }

  /** A context on {@code client} and {@code enhanced}, an Enhanced Client of it. */
  public static ProductsContext create(
      DynamoDbEnhancedClient enhanced,
      DynamoDbClient client,
      String productsTable,
      String idempotencyTable,
      Cors cors,
      Clock clock) {
    return new ProductsContext(
        new ProductStore(enhanced, client, productsTable),
        new IdempotencyStore(enhanced, idempotencyTable, clock),
        cors,
        clock);
  }
}

package dev.catalog.products;

/** The names of the products feature's own metrics, counted on the request ({@code ApiRequest.metrics()}). */
final class ProductMetrics {
  static final String CREATED = "ProductsCreated";
  static final String UPDATED = "ProductsUpdated";
  static final String DELETED = "ProductsDeleted";

  /** A POST answered from its idempotency record: created nothing. */
  static final String IDEMPOTENT_REPLAYS = "IdempotentReplays";

  /**
   * A PUT or PATCH that took a second write: a PUT of a product stored before incarnations or createdBy (replaced
   * without them), or one whose older product was deleted between its two writes. Writers no longer race each other.
   */
  static final String CONDITIONAL_WRITE_RETRIES = "ConditionalWriteRetries";

  /**
   * A PUT or PATCH attempt the SDK sent again after its answer was lost, found already applied by its token and not
   * applied twice. Steady non-zero values mean DynamoDB calls are failing after being applied (500s, resets).
   */
  static final String RETRIED_WRITES_RECOGNISED = "RetriedWritesRecognised";

  private ProductMetrics() {}
}

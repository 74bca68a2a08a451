package dev.catalog.products;

/** The names of the products feature's own metrics, counted on the request ({@code ApiRequest.metrics()}). */
final class ProductMetrics {
  static final String CREATED = "ProductsCreated";
  static final String UPDATED = "ProductsUpdated";
  static final String DELETED = "ProductsDeleted";
  /** A POST answered from its idempotency record: created nothing. */
  static final String IDEMPOTENT_REPLAYS = "IdempotentReplays";
  /** An unconditional PUT or PATCH that lost a race and was tried again on the fresh state. */
  static final String CONDITIONAL_WRITE_RETRIES = "ConditionalWriteRetries";

  private ProductMetrics() {}
}

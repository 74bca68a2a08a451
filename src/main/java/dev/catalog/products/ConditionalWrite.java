package dev.catalog.products;

import dev.catalog.http.ApiRequest;
import dev.catalog.http.HttpError;
import dev.catalog.http.Json;
import dev.catalog.http.Preconditions;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Read, check preconditions, change, write-if-unchanged: the optimistic-concurrency loop of PUT and PATCH.
 *
 * <p>The write is conditional on the product just read (its version and incarnation). When it fails, another writer
 * got in between: a request with preconditions gets 412 (they were evaluated on a state that is gone), and an
 * unconditional one is retried on the fresh state, since "replace whatever is there" is still what the client asked
 * for. A change that leaves every client-writable field as it is writes nothing: the answer is the product as it is.
 */
final class ConditionalWrite {
  /** Attempts of an unconditional write before giving up with 409; contention that high is not normal traffic. */
  static final int ATTEMPTS = 10;

  record Outcome(Product product, boolean created) {}

  private ConditionalWrite() {}

  /**
   * Applies {@code change} to the stored product (null when absent; then 404 unless {@code mayCreate}) and writes the
   * result if nothing changed since. Preconditions are evaluated after the 404 and before {@code change}, which
   * returns the new product without id, version or timestamps; this sets them.
   */
  static Outcome apply(ProductsContext context, ApiRequest request, String id, boolean mayCreate,
      UnaryOperator<Product> change) {
    ProductStore products = context.products();
    Preconditions preconditions = ProductResource.preconditions(request, context.clock());
    for (int attempt = 1; ; attempt++) {
      Product current = products.find(id).orElse(null);
      if (current == null && !mayCreate) {
        throw ProductResource.notFound(id);
      }
      preconditions.evaluate(current == null ? null : ProductResource.state(current));
      Product next = change.apply(current);
      if (current != null && sameContent(current, next)) {
        return new Outcome(current, false);
      }
      next.setId(id);
      next.setVersion(current == null ? null : current.getVersion());
      next.setIncarnation(current == null ? null : current.getIncarnation());
      next.setUpdatedAt(ProductResource.now(context.clock()));
      next.setCreatedAt(current == null ? next.getUpdatedAt() : current.getCreatedAt());
      next.setUpdatedBy(ProductResource.caller(request));
      next.setCreatedBy(current == null ? next.getUpdatedBy() : current.getCreatedBy());
      if (products.save(next)) {
        request.metrics().count(current == null ? ProductMetrics.CREATED : ProductMetrics.UPDATED);
        return new Outcome(next, current == null);
      }
      if (preconditions.any()) {
        throw HttpError.preconditionFailed("The product was changed by another request; fetch it and try again.");
      }
      if (attempt == ATTEMPTS) {
        throw HttpError.conflict("The product is being changed by other requests; try again.");
      }
      request.metrics().count(ProductMetrics.CONDITIONAL_WRITE_RETRIES);
      backOff(attempt);
    }
  }

  /** Whether every client-writable field is equal, numbers by value (the form a merge patch applies to). */
  static boolean sameContent(Product current, Product next) {
    return Json.canonical(ProductJson.writable(current)).equals(Json.canonical(ProductJson.writable(next)));
  }

  /** A random pause that grows with each attempt, so writers that collided do not collide again in step. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while retrying a write", e);
    }
  }
}

package dev.catalog.products;

import dev.catalog.http.ApiRequest;
import dev.catalog.http.EntityTags;
import dev.catalog.http.HttpError;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Read, check preconditions, change, write-if-unchanged: the optimistic-concurrency loop of PUT and PATCH.
 *
 * <p>The write is conditional on the version just read. When it fails, another writer got in between: a request with
 * If-Match or If-None-Match gets 412 (its precondition no longer holds), and an unconditional one is retried on the
 * fresh state, since "replace whatever is there" is still what the client asked for.
 */
final class ConditionalWrite {
  /** Attempts of an unconditional write before giving up with 409; contention that high is not normal traffic. */
  static final int ATTEMPTS = 10;

  record Outcome(Product product, boolean created) {}

  private ConditionalWrite() {}

  /**
   * Applies {@code change} to the stored product (null when absent) and writes the result if nothing changed since.
   * {@code change} returns the new product without id, version or timestamps; this sets them.
   */
  static Outcome apply(ProductsContext context, ApiRequest request, String id, UnaryOperator<Product> change) {
    ProductStore products = context.products();
    String ifMatch = request.header("If-Match");
    String ifNoneMatch = request.header("If-None-Match");
    for (int attempt = 1; ; attempt++) {
      Product current = products.find(id).orElse(null);
      Long version = current == null ? null : current.getVersion();
      if (!EntityTags.ifMatchPasses(ifMatch, version)) {
        throw HttpError.preconditionFailed(current == null
            ? "No product has id " + id + ", so If-Match cannot match."
            : "The product's current ETag is " + EntityTags.of(version) + ", which If-Match does not list.");
      }
      if (!EntityTags.ifNoneMatchPasses(ifNoneMatch, version)) {
        throw HttpError.preconditionFailed("If-None-Match: the product exists at ETag " + EntityTags.of(version) + ".");
      }
      Product next = change.apply(current);
      next.setId(id);
      next.setVersion(version);
      next.setUpdatedAt(ProductResource.now(context.clock()));
      next.setCreatedAt(current == null ? next.getUpdatedAt() : current.getCreatedAt());
      if (products.save(next)) {
        return new Outcome(next, current == null);
      }
      if (ifMatch != null || ifNoneMatch != null) {
        throw HttpError.preconditionFailed("The product was changed by another request; fetch it and try again.");
      }
      if (attempt == ATTEMPTS) {
        throw HttpError.conflict("The product is being changed by other requests; try again.");
      }
      backOff(attempt);
    }
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

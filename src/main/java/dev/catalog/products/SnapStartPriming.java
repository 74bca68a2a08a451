package dev.catalog.products;

import dev.catalog.http.HttpDate;
import dev.catalog.http.Json;
import dev.catalog.http.MergePatch;
import dev.catalog.http.Preconditions;
import java.time.Instant;
import org.crac.Context;
import org.crac.Resource;

/**
 * Runs the products functions' request path once before Lambda takes the SnapStart snapshot, so a restored
 * container starts with its classes loaded and its code warm: JSON in and out, validation, a merge patch, and a
 * DynamoDB read of each table through the container's own clients.
 *
 * <p>It writes nothing and keeps nothing: the reads are of a key no product or record can have (ids never hold a
 * colon), and the objects it builds are dropped. The HTTP connection the reads leave in the JDK's keep-alive cache
 * goes stale in the snapshot; the JDK retries a request on a fresh connection when a cached one fails, and the SDK
 * retries on top of that.
 */
final class SnapStartPriming implements Resource {
  static final String ABSENT_KEY = "snapstart:priming";

  private static final String SAMPLE = """
      {"name": "Priming", "description": "Warms the request path.", "price": 19.99, "currency": "EUR",
       "category": "priming", "tags": ["a", "b"], "stock": 1}""";

  private final ProductsContext context;

  SnapStartPriming(ProductsContext context) {
    this.context = context;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> checkpoint) {
    context.products().find(ABSENT_KEY);
    context.idempotency().find(ABSENT_KEY);
    Product product = ProductJson.read(MergePatch.apply(Json.readObject(SAMPLE),
        Json.readObject("{\"stock\": 2, \"description\": null}")));
    product.setId("priming");
    product.setCreatedAt(Instant.now(context.clock()));
    product.setUpdatedAt(product.getCreatedAt());
    product.setVersion(1L);
    product.setIncarnation("priming"); // not a random one: no random state may be drawn before the snapshot
    ProductResource.respond(200, product); // JSON, ETag and Last-Modified
    Preconditions.of("GET", "*", "\"0\"", HttpDate.format(product.getUpdatedAt()), null, product.getUpdatedAt())
        .evaluate(ProductResource.state(product));
  }

  @Override
  public void afterRestore(Context<? extends Resource> restore) {
    // Nothing to renew: credentials come from the container endpoint under SnapStart, and the clock is read per use.
  }
}

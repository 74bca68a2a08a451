package dev.catalog.products;

import dev.catalog.http.HttpDate;
import dev.catalog.http.Preconditions;
import dev.catalog.kernel.Json;
import dev.catalog.kernel.MergePatch;
import dev.catalog.kernel.Priming;
import dev.catalog.kernel.telemetry.RequestLine;
import java.time.Instant;
import java.util.Set;

/**
 * What a products function primes before Lambda takes the SnapStart snapshot ({@link Priming}): JSON in and out,
 * validation, a merge patch, the response's headers, a precondition, the request line, and the DynamoDB call of the
 * function's own route through the container's own client.
 *
 * <p>Each function primes with a call its own policy in template.yaml allows ({@link Calls}): a call beyond it gets
 * AccessDenied.
 *
 * <p>It writes nothing and keeps nothing: the calls are on a key no product or record can have (ids never hold a
 * colon), a delete is conditional on the item existing, and the objects built are dropped. The HTTP connection left
 * in the JDK's keep-alive cache goes stale in the snapshot; the JDK retries a request on a fresh connection when a
 * cached one fails, and the SDK retries on top of that.
 */
final class SnapStartPriming {
  static final String ABSENT_KEY = "snapstart:priming";

  /** A tag with a combining mark, so the snapshot holds the NFC normalizer's data, which Latin-1 text never loads. */
  private static final String SAMPLE =
      """
      {"name": "Priming", "description": "Warms the request path.", "price": 19.99, "currency": "EUR",
       "category": "priming", "tags": ["a", "cafe\\u0301"], "stock": 1}""";

  /** The DynamoDB call a function's request path makes, within what its policy allows; it changes nothing. */
  @FunctionalInterface
  interface Calls {
    void make(ProductsContext context);
  }

  /** GetItem on the products table: GET reads the product (PUT and PATCH only to answer an invalid body). */
  static void readProduct(ProductsContext context) {
    context.products().find(ABSENT_KEY);
  }

  /**
   * UpdateItem on the products table, as PATCH writes: a patch of a key that never exists, which its condition
   * (the product exists) refuses, writing nothing.
   */
  static void patchAbsentProduct(ProductsContext context) {
    context
        .products()
        .write(
            new ProductStore.ProductWrite(
                ABSENT_KEY,
                ProductStore.WriteMode.UPDATE,
                sample(),
                Set.of("stock", "price"),
                ProductResource.now(context.clock()),
                "priming",
                null,
                ProductStore.newWriteToken(),
                null));
  }

  /**
   * UpdateItem on the products table, as PUT writes: a create-or-replace of a key that never exists, with an
   * If-Match that no absent product passes, so its condition refuses it and nothing is written.
   */
  static void replaceAbsentProduct(ProductsContext context) {
    Instant now = ProductResource.now(context.clock());
    context
        .products()
        .write(
            new ProductStore.ProductWrite(
                ABSENT_KEY,
                ProductStore.WriteMode.CREATE_OR_REPLACE,
                sample(),
                ProductJson.WRITABLE,
                now,
                "priming",
                "priming",
                ProductStore.newWriteToken(),
                ProductConditions.of(
                    Preconditions.of("PUT", "\"1.priming\"", null, null, null, now))));
  }

  /** PUT and PATCH: the read of their invalid-body path and their write. */
  static void readAndReplaceProduct(ProductsContext context) {
    readProduct(context);
    replaceAbsentProduct(context);
  }

  /** PATCH: the read of its invalid-body path and its write. */
  static void readAndPatchProduct(ProductsContext context) {
    readProduct(context);
    patchAbsentProduct(context);
  }

  private static Product sample() {
    return ProductJson.read(Json.readObject(SAMPLE));
  }

  /** GetItem on the idempotency table: POST reads a stored response to replay it. */
  static void readIdempotencyRecord(ProductsContext context) {
    context.idempotency().find(ABSENT_KEY);
  }

  /** Query on the category index: GET /products with a category. */
  static void queryCategory(ProductsContext context) {
    context.products().list(ABSENT_KEY, 1, null);
  }

  /** DeleteItem conditional on existence, of a key that never exists: DELETE's own call, deleting nothing. */
  static void deleteAbsentProduct(ProductsContext context) {
    context.products().delete(ABSENT_KEY, null);
  }

  private SnapStartPriming() {}

  /** Primes the function whose own calls are {@code calls}. */
  static void prime(ProductsContext context, Calls calls) {
    calls.make(context);
    Product product =
        ProductJson.read(
            MergePatch.apply(
                Json.readObject(SAMPLE), Json.readObject("{\"stock\": 2, \"description\": null}")));
    product.setId("priming");
    product.setCreatedAt(Instant.now(context.clock()));
    product.setUpdatedAt(product.getCreatedAt());
    product.setVersion(1L);
    product.setIncarnation(
        "priming"); // not a random one: no random state may be drawn before the snapshot
    ProductResource.respond(200, product); // JSON, ETag and Last-Modified
    Preconditions.of(
            "GET",
            "*",
            "\"0\"",
            HttpDate.format(product.getUpdatedAt()),
            null,
            product.getUpdatedAt())
        .evaluate(ProductResource.state(product));
    RequestLine.prime(); // the request's log line and metrics
  }
}

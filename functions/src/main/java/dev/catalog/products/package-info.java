/**
 * The products feature: the {@link dev.catalog.products.Product} model and its rules, its JSON form, the store of the
 * products table, and one thin handler per route of {@code /products}.
 *
 * <ul>
 *   <li>The model: {@link dev.catalog.products.Product} (a DynamoDB bean with declarative constraints, checked by
 *       avaje-validator's generated adapter; custom constraints in {@link dev.catalog.products.constraints}), its
 *       table schema written out in {@link dev.catalog.products.ProductTableSchema} (a test holds it equal to the
 *       annotations), {@link dev.catalog.products.Text} (NFC, then trimming of Unicode White_Space) and
 *       {@link dev.catalog.products.Category} with {@link dev.catalog.products.CategoryAdapter}: the one rule of a
 *       category, wherever one is given (a body's, {@code ?category=} through
 *       {@link dev.catalog.products.CategoryQuery}, a feed subscription's).
 *   <li>{@link dev.catalog.products.ProductJson}: the product's JSON form, and strict reading of documents and merge
 *       patches (unknown members whatever their value, JSON types, server-managed fields ignored, every error at
 *       once; a patch is judged on its own, merged into a valid stand-in, so no stored product is needed).
 *   <li>{@link dev.catalog.products.ProductStore}: the one store of the products table. POST and DELETE carry the
 *       version and the incarnation as conditions; PUT and PATCH are one {@code UpdateItem} each
 *       ({@code ProductStore.write}) that increments the version in DynamoDB, stamps {@code updatedAt} and
 *       {@code updatedBy}, and carries in its condition the product's existence, the request's preconditions and
 *       "some field would change". Lists are a Query on {@code byCategory} or a Scan, read on past DynamoDB's 1 MB
 *       responses until the page is full ({@link dev.catalog.products.ProductPage}), with signed cursors
 *       ({@link dev.catalog.products.PageCursor}, HMAC-SHA256).
 *   <li>{@link dev.catalog.products.ConditionalWrite}: PUT and PATCH. It validates the request on its own, builds the
 *       write with {@link dev.catalog.products.ProductConditions} (If-Match, If-None-Match and If-Unmodified-Since as
 *       a condition on the stored version, incarnation and {@code updatedAt}), and tells a refused write's reason from
 *       the item DynamoDB returns with the refusal: absent (404), preconditions false (412), nothing to change (the
 *       product as it is), or this request's own earlier attempt whose answer was lost (answered as written). Only a
 *       request that fails validation reads the product first, so that 404 and 412 come before 400.
 *   <li>{@link dev.catalog.products.IdempotentCreate}: POST with an {@code Idempotency-Key}: the product and the
 *       record in one transaction, the record holding the SHA-256 of the body's canonical JSON: replayed for the same
 *       body, 422 for another.
 *   <li>{@link dev.catalog.products.ProductResource}: the path id, the ETag ({@code "<version>.<incarnation>"}),
 *       Last-Modified and the product responses; the caller and the clock of a write.
 *   <li>The handlers, one per route ({@link dev.catalog.products.CreateProductHandler},
 *       {@link dev.catalog.products.GetProductHandler}, {@link dev.catalog.products.ListProductsHandler},
 *       {@link dev.catalog.products.PutProductHandler}, {@link dev.catalog.products.PatchProductHandler},
 *       {@link dev.catalog.products.DeleteProductHandler}), each over {@code ProductRoute} (the HTTP layer's
 *       handler base with the products context), declaring its permission and the query parameters it takes. {@link dev.catalog.products.ProductsContext} holds what they
 *       share (stores, CORS, clock), built once per container; each handler's no-argument constructor names the
 *       DynamoDB call of its route that SnapStart priming makes, within the function's policy
 *       ({@code SnapStartPriming}, run by {@link dev.catalog.kernel.Priming}).
 *   <li>{@link dev.catalog.products.ProductMetrics}: the counts a write adds to its request line
 *       ({@code ProductsCreated}, {@code ProductsUpdated}, {@code ProductsDeleted}, replays, write retries), counted
 *       where the write happens.
 * </ul>
 */
package dev.catalog.products;

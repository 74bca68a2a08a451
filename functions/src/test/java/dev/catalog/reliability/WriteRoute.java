package dev.catalog.reliability;

import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.util.UUID;

/**
 * The API's writes, each as a client sends it, with the one DynamoDB operation that applies it: what the fault
 * tests aim their faults at.
 */
enum WriteRoute {
  POST("PutItem", 201, false),
  POST_WITH_IDEMPOTENCY_KEY("TransactWriteItems", 201, false),
  PUT_CREATE("UpdateItem", 201, false),
  PUT_REPLACE_IF_MATCH("UpdateItem", 200, true),
  PUT_REPLACE("UpdateItem", 200, true),
  PATCH("UpdateItem", 200, true),
  PATCH_IF_MATCH("UpdateItem", 200, true),
  DELETE("DeleteItem", 204, true),
  DELETE_IF_MATCH("DeleteItem", 204, true);

  final String operation;
  final int success;
  final boolean needsProduct;

  WriteRoute(String operation, int success, boolean needsProduct) {
    this.operation = operation;
    this.success = success;
    this.needsProduct = needsProduct;
  }

  /** The request for product {@code id} (its current ETag {@code etag}, null when absent) in {@code category}. */
  ApiCall request(ProductsApi api, String id, String etag, String category) {
    String body = SampleProducts.full(category).put("stock", 7).toString();
    return switch (this) {
      case POST -> api.post("/products").json(body);
      case POST_WITH_IDEMPOTENCY_KEY ->
          api.post("/products").json(body).header("Idempotency-Key", "key-" + id);
      case PUT_CREATE -> api.put("/products/" + id).json(body).header("If-None-Match", "*");
      case PUT_REPLACE_IF_MATCH -> api.put("/products/" + id).json(body).header("If-Match", etag);
      case PUT_REPLACE -> api.put("/products/" + id).json(body);
      case PATCH -> api.patch("/products/" + id).mergePatch("{\"stock\": 7}");
      case PATCH_IF_MATCH ->
          api.patch("/products/" + id).mergePatch("{\"stock\": 7}").header("If-Match", etag);
      case DELETE -> api.delete("/products/" + id);
      case DELETE_IF_MATCH -> api.delete("/products/" + id).header("If-Match", etag);
    };
  }

  /** A fresh id; when the route needs one, a product stored under it (stock 1), created without faults. */
  static String prepare(WriteRoute route, ProductsApi api, String category) {
    String id = "p-" + UUID.randomUUID();
    if (route.needsProduct) {
      ApiResult created =
          api.put("/products/" + id)
              .json(SampleProducts.minimal(category).put("stock", 1).toString())
              .send();
      if (created.status() != 201) {
        throw new AssertionError("setup: " + created);
      }
    }
    return id;
  }
}

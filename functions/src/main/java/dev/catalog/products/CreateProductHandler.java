package dev.catalog.products;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.Permission;
import java.util.UUID;

/**
 * {@code POST /products}: creates a product under a server-generated id; 201 with Location and ETag. With an
 * {@code Idempotency-Key}, see {@link IdempotentCreate}.
 */
public final class CreateProductHandler extends ProductRoute {
  public CreateProductHandler() {
    this(ProductsContext.fromEnvironment(SnapStartPriming::readIdempotencyRecord));
  }

  public CreateProductHandler(ProductsContext context) {
    super(context, Permission.WRITE);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String key = IdempotentCreate.key(request);
    ObjectNode body = request.jsonBody(ProductResource.MEDIA_TYPE, "Accept-Post");
    Product product = ProductJson.read(body);
    product.setId(UUID.randomUUID().toString());
    product.setCreatedAt(ProductResource.now(context.clock()));
    product.setUpdatedAt(product.getCreatedAt());
    product.setCreatedBy(ProductResource.caller(request));
    product.setUpdatedBy(product.getCreatedBy());
    String location = ProductResource.location(request, product.getId());
    if (key != null) {
      ApiResponse response =
          new IdempotentCreate(context)
              .create(product.getCreatedBy(), key, body, request.bodyBytes(), product, location);
      request
          .metrics()
          .count(
              response.header("Idempotent-Replayed") != null
                  ? ProductMetrics.IDEMPOTENT_REPLAYS
                  : ProductMetrics.CREATED);
      return response;
    }
    if (!context.products().save(product)) {
      throw new IllegalStateException(
          "A random UUID collided with an existing product id: " + product.getId());
    }
    request.metrics().count(ProductMetrics.CREATED);
    return ProductResource.respond(201, product).header("Location", location);
  }
}

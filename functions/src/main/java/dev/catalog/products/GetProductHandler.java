package dev.catalog.products;

import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.Permission;
import dev.catalog.http.Preconditions;

/**
 * {@code GET /products/{id}}: 200 with the product, its ETag and Last-Modified; 404 when absent; otherwise as its
 * preconditions say: 304 on a matching If-None-Match or an If-Modified-Since not before the last change, 412 on a
 * false If-Match or If-Unmodified-Since.
 */
public final class GetProductHandler extends ProductRoute {
  public GetProductHandler() {
    this(ProductsContext.fromEnvironment(SnapStartPriming::readProduct));
  }

  public GetProductHandler(ProductsContext context) {
    super(context, Permission.ANYONE);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String id = ProductResource.id(request);
    Preconditions preconditions = ProductResource.preconditions(request, context.clock());
    Product product = context.products().find(id).orElseThrow(() -> ProductResource.notFound(id));
    if (preconditions.evaluate(ProductResource.state(product))
        == Preconditions.Result.NOT_MODIFIED) {
      return ApiResponse.status(304).header("ETag", ProductResource.etag(product));
    }
    return ProductResource.respond(200, product);
  }
}

package dev.catalog.products;

import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.Permission;
import dev.catalog.http.Preconditions;
import dev.catalog.kernel.HttpError;

/**
 * {@code DELETE /products/{id}}: 204, or 404 when absent. With preconditions, they are evaluated on the product read
 * and the delete is conditional on that product, so one changed, or deleted and re-created, in between is not
 * deleted (412).
 */
public final class DeleteProductHandler extends ProductRoute {
  public DeleteProductHandler() {
    this(ProductsContext.fromEnvironment(SnapStartPriming::deleteAbsentProduct));
  }

  public DeleteProductHandler(ProductsContext context) {
    super(context, Permission.ADMIN);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String id = ProductResource.id(request);
    ProductStore products = context.products();
    Preconditions preconditions = ProductResource.preconditions(request, context.clock());
    if (!preconditions.any()) {
      if (!products.delete(id, null)) {
        throw ProductResource.notFound(id);
      }
      request.metrics().count(ProductMetrics.DELETED);
      return ApiResponse.status(204);
    }
    Product current = products.find(id).orElseThrow(() -> ProductResource.notFound(id));
    preconditions.evaluate(
        ProductResource.state(current)); // DELETE is not safe: never 304, a false one is 412
    if (!products.delete(id, current)) {
      throw products.find(id).isPresent()
          ? HttpError.preconditionFailed(
              "The product was changed by another request; fetch it and try again.")
          : ProductResource.notFound(id);
    }
    request.metrics().count(ProductMetrics.DELETED);
    return ApiResponse.status(204);
  }
}

package dev.catalog.products;

import dev.catalog.http.ApiHandler;
import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.EntityTags;
import dev.catalog.http.HttpError;

/**
 * {@code DELETE /products/{id}}: 204, or 404 when absent. With If-Match, the delete is conditional on the version
 * read, so a product changed in between is not deleted (412).
 */
public final class DeleteProductHandler extends ApiHandler {
  private final ProductStore products;

  public DeleteProductHandler() {
    this(ProductsContext.fromEnvironment(SnapStartPriming::deleteAbsentProduct));
  }

  public DeleteProductHandler(ProductsContext context) {
    super(context.cors());
    this.products = context.products();
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String id = ProductResource.id(request);
    String ifMatch = request.header("If-Match");
    if (ifMatch == null) {
      if (!products.delete(id, null)) {
        throw ProductResource.notFound(id);
      }
      return ApiResponse.status(204);
    }
    Product current = products.find(id).orElseThrow(() -> ProductResource.notFound(id));
    if (!EntityTags.ifMatchPasses(ifMatch, current.getVersion()) || !products.delete(id, current.getVersion())) {
      throw HttpError.preconditionFailed("The product's current version does not match If-Match.");
    }
    return ApiResponse.status(204);
  }
}

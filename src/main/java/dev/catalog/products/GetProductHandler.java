package dev.catalog.products;

import dev.catalog.http.ApiHandler;
import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.EntityTags;

/** {@code GET /products/{id}}: 200 with the product and its ETag, 304 when If-None-Match matches, 404 when absent. */
public final class GetProductHandler extends ApiHandler {
  private final ProductStore products;

  public GetProductHandler() {
    this(ProductsContext.fromEnvironment(SnapStartPriming::readProduct));
  }

  public GetProductHandler(ProductsContext context) {
    super(context.cors());
    this.products = context.products();
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String id = ProductResource.id(request);
    Product product = products.find(id).orElseThrow(() -> ProductResource.notFound(id));
    if (!EntityTags.ifNoneMatchPasses(request.header("If-None-Match"), product.getVersion())) {
      return ApiResponse.status(304).header("ETag", EntityTags.of(product.getVersion()));
    }
    return ProductResource.respond(200, product);
  }
}

package dev.catalog.products;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.Permission;

/**
 * {@code PUT /products/{id}}: creates the product under the client's id (201) or replaces it (200). If-Match makes
 * the replace conditional; {@code If-None-Match: *} makes it create-only.
 */
public final class PutProductHandler extends ProductRoute {
  public PutProductHandler() {
    this(ProductsContext.fromEnvironment(SnapStartPriming::readAndReplaceProduct));
  }

  public PutProductHandler(ProductsContext context) {
    super(context, Permission.WRITE);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String id = ProductResource.id(request);
    ObjectNode body = request.jsonBody(ProductResource.MEDIA_TYPE, "Accept");
    var outcome = ConditionalWrite.put(context, request, id, body);
    ApiResponse response =
        ProductResource.respond(outcome.created() ? 201 : 200, outcome.product());
    return outcome.created()
        ? response.header("Location", ProductResource.location(request, id))
        : response;
  }
}

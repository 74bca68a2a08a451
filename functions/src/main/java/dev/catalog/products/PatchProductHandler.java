package dev.catalog.products;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.Permission;
import dev.catalog.kernel.MergePatch;

/**
 * {@code PATCH /products/{id}} with a JSON Merge Patch (RFC 7396): the patch is applied to the stored product's
 * writable fields and the result is validated as a whole, as if it had been PUT. 404 when absent.
 */
public final class PatchProductHandler extends ProductRoute {
  public PatchProductHandler() {
    this(ProductsContext.fromEnvironment(SnapStartPriming::readAndPatchProduct));
  }

  public PatchProductHandler(ProductsContext context) {
    super(context, Permission.WRITE);
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String id = ProductResource.id(request);
    ObjectNode patch = request.jsonBody(MergePatch.MEDIA_TYPE, "Accept-Patch");
    var outcome = ConditionalWrite.patch(context, request, id, patch);
    return ProductResource.respond(200, outcome.product());
  }
}

package dev.catalog.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.http.ApiHandler;
import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.HttpError;
import dev.catalog.http.HttpError.FieldError;
import java.util.List;

/**
 * {@code PUT /products/{id}}: creates the product under the client's id (201) or replaces it (200). If-Match makes
 * the replace conditional; {@code If-None-Match: *} makes it create-only.
 */
public final class PutProductHandler extends ApiHandler {
  static final String MEDIA_TYPE = "application/json";

  private final ProductsContext context;

  public PutProductHandler() {
    this(ProductsContext.fromEnvironment(SnapStartPriming::readProduct));
  }

  public PutProductHandler(ProductsContext context) {
    super(context.cors());
    this.context = context;
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String id = ProductResource.id(request);
    ObjectNode body = request.jsonBody(MEDIA_TYPE, "Accept");
    requireSameId(body, id);
    Product replacement = ProductJson.read(body);
    var outcome = ConditionalWrite.apply(context, request, id, current -> replacement);
    ApiResponse response = ProductResource.respond(outcome.created() ? 201 : 200, outcome.product());
    return outcome.created() ? response.header("Location", request.publicPath()) : response;
  }

  /** An id in the body is optional, but if given it must be the one in the path. */
  static void requireSameId(ObjectNode body, String id) {
    JsonNode bodyId = body.get("id");
    if (bodyId != null && !bodyId.isNull() && !(bodyId.isTextual() && bodyId.textValue().equals(id))) {
      throw HttpError.validation(List.of(new FieldError("id", "must be the id in the path, " + id)));
    }
  }
}

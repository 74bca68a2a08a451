package dev.catalog.products;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.Permission;
import dev.catalog.kernel.Environment;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /products?category=&limit=&cursor=}: one page of products, {@code {"items": [...], "nextCursor": ...}}.
 * A category is served by a Query on the category index; without one, by a Scan. Other parameters are refused
 * ({@link #queryParameters()}), so a misspelt {@code ?categroy=} cannot silently list everything.
 */
public final class ListProductsHandler extends ProductRoute {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  private static final Set<String> PARAMETERS = Set.of("category", "limit", "cursor");
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");

  private final PageCursor cursors;

  /**
   * Lambda's constructor. Only this function signs cursors, so only it is given the key (template.yaml resolves the
   * secret into this function's environment alone).
   */
  public ListProductsHandler() {
    this(
        ProductsContext.fromEnvironment(SnapStartPriming::queryCategory),
        new PageCursor(Environment.require("CURSOR_SIGNING_KEY")));
  }

  public ListProductsHandler(ProductsContext context, PageCursor cursors) {
    super(context, Permission.ANYONE);
    this.cursors = cursors;
  }

  @Override
  protected Set<String> queryParameters() {
    return PARAMETERS;
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    // Taken in as a body's category is (NFC, trimmed, the category's rule), so it finds what writes
    // stored.
    String category = CategoryQuery.read(request.queryParameter("category"));
    int limit = limit(request.queryParameter("limit"));
    String cursor = request.queryParameter("cursor");
    Map<String, AttributeValue> startKey = cursor == null ? null : cursors.decode(cursor, category);
    ProductPage page = context.products().list(category, limit, startKey);
    return ApiResponse.json(
        200, write(page, page.nextKey() == null ? null : cursors.encode(category, page.nextKey())));
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    int limit = LIMIT.matcher(value).matches() ? Integer.parseInt(value) : -1;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw invalid("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
    return limit;
  }

  private static HttpError invalid(String detail) {
    return HttpError.badRequest("invalid-query", "Invalid query parameter", detail);
  }

  private static String write(ProductPage page, String nextCursor) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator json = Json.generator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("items");
      for (Product product : page.items()) {
        ProductJson.write(product, json);
      }
      json.writeEndArray();
      json.writeStringField("nextCursor", nextCursor);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

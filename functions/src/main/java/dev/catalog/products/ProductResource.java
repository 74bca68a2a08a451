package dev.catalog.products;

import dev.catalog.http.ApiRequest;
import dev.catalog.http.ApiResponse;
import dev.catalog.http.EntityTags;
import dev.catalog.http.HttpDate;
import dev.catalog.http.Preconditions;
import dev.catalog.kernel.HttpError;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** The HTTP side of a single product, shared by the handlers of {@code /products/{id}} and of POST. */
final class ProductResource {
  /** The media type of a product document: the body POST and PUT take. */
  static final String MEDIA_TYPE = "application/json";

  private static final Pattern ID = Pattern.compile(Product.ID_PATTERN);

  private ProductResource() {}

  /** The {@code {id}} path parameter, refused with a 400 unless it is a valid product id. */
  static String id(ApiRequest request) {
    String id = request.pathParameter("id");
    if (!isId(id)) {
      throw HttpError.badRequest(
          "invalid-id",
          "Invalid product id",
          "A product id is 1 to 64 characters of A-Z, a-z, 0-9, _ and -.");
    }
    return id;
  }

  /** Whether {@code id} can be a product id ({@link Product#ID_PATTERN}). */
  static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * The product's URL path, for Location: the base path the request came through and the id in its one canonical
   * spelling, whatever spelling the request used ({@code /products/abc%2D1} gives {@code /products/abc-1}).
   */
  static String location(ApiRequest request, String id) {
    return request.basePath() + "/products/" + ApiRequest.pathSegment(id);
  }

  static HttpError notFound(String id) {
    return HttpError.notFound("No product has id " + id + ".");
  }

  /** A response carrying the product as its body, its ETag and its Last-Modified. */
  static ApiResponse respond(int status, Product product) {
    return ApiResponse.json(status, ProductJson.write(product))
        .header("ETag", etag(product))
        .header("Last-Modified", HttpDate.format(product.getUpdatedAt()));
  }

  /**
   * The product's entity tag: {@code "<version>.<incarnation>"}, so a tag never repeats across a delete and a
   * re-create under the same id. A product stored before incarnations existed keeps {@code "<version>"} until it is
   * deleted; every product created since has the long form, so the two never meet.
   */
  static String etag(Product product) {
    return EntityTags.of(opaqueTag(product));
  }

  private static String opaqueTag(Product product) {
    return product.getIncarnation() == null
        ? product.getVersion().toString()
        : product.getVersion() + "." + product.getIncarnation();
  }

  /** What the request's preconditions are evaluated against. */
  static Preconditions.State state(Product product) {
    return new Preconditions.State(opaqueTag(product), product.getUpdatedAt());
  }

  /** The request's preconditions, parsed (a malformed If-Match or If-None-Match is a 400). */
  static Preconditions preconditions(ApiRequest request, Clock clock) {
    return Preconditions.of(request, clock.instant());
  }

  /** Who is writing, for createdBy and updatedBy; only write routes call this, after their permission was checked. */
  static String caller(ApiRequest request) {
    return request.caller().id();
  }

  /** Timestamps are RFC 3339 UTC with millisecond precision. */
  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

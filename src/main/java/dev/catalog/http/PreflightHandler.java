package dev.catalog.http;

/**
 * Answers {@code OPTIONS} on every resource: a CORS preflight from an allowed origin gets the methods and headers the
 * API accepts; any other OPTIONS request gets the {@code Allow} list. Both are 204 with no body.
 */
public final class PreflightHandler extends ApiHandler {
  /** Browsers may cache a preflight this many seconds. */
  static final String MAX_AGE = "600";

  private final Cors cors;

  public PreflightHandler() {
    this(Cors.fromEnvironment());
  }

  public PreflightHandler(Cors cors) {
    super(cors);
    this.cors = cors;
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    ApiResponse response = ApiResponse.status(204).header("Allow", Cors.ALLOWED_METHODS);
    String origin = request.header("Origin");
    if (origin != null && request.header("Access-Control-Request-Method") != null && cors.allows(origin)) {
      response.header("Access-Control-Allow-Methods", Cors.ALLOWED_METHODS)
          .header("Access-Control-Allow-Headers", Cors.ALLOWED_HEADERS)
          .header("Access-Control-Max-Age", MAX_AGE);
    }
    return response;
  }
}

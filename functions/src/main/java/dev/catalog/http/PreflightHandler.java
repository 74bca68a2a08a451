package dev.catalog.http;

/**
 * Answers {@code OPTIONS} on every resource: a CORS preflight from an allowed origin gets the methods the resource
 * serves ({@link RouteMethods}) and the headers the API accepts; any other OPTIONS request gets the {@code Allow}
 * list of the resource's methods. Both are 204 with no body.
 */
public final class PreflightHandler extends ApiHandler {
  /** Browsers may cache a preflight this many seconds. */
  static final String MAX_AGE = "600";

  private final Cors cors;
  private final RouteMethods methods;

  public PreflightHandler() {
    this(Cors.fromEnvironment(), RouteMethods.fromEnvironment());
  }

  public PreflightHandler(Cors cors, RouteMethods methods) {
    super(cors);
    this.cors = cors;
    this.methods = methods;
  }

  /**
   * A preflight's URL is that of the request it asks about, query included, whichever route serves it: that route
   * checks the query when the request comes.
   */
  @Override
  protected boolean checksQuery() {
    return false;
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    String allowed = methods.allow(request.resource());
    ApiResponse response = ApiResponse.status(204).header("Allow", allowed);
    String origin = request.header("Origin");
    if (origin != null
        && request.header("Access-Control-Request-Method") != null
        && cors.allows(origin)) {
      response
          .header("Access-Control-Allow-Methods", allowed)
          .header("Access-Control-Allow-Headers", Cors.ALLOWED_HEADERS)
          .header("Access-Control-Max-Age", MAX_AGE);
    }
    return response;
  }
}

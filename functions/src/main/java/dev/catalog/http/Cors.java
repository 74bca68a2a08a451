package dev.catalog.http;

import dev.catalog.kernel.Environment;
import java.util.Arrays;
import java.util.List;

/**
 * Cross-origin resource sharing for the origins in {@code ALLOWED_ORIGINS} (comma-separated, or {@code *}). Lambda
 * answers both preflights ({@link PreflightHandler}) and the actual responses, so a list of origins works, which API
 * Gateway's static CORS mock cannot do.
 */
public final class Cors {
  static final String ALLOWED_HEADERS =
      "Content-Type, If-Match, If-None-Match, If-Unmodified-Since, If-Modified-Since, Idempotency-Key, Authorization";

  /**
   * The response headers a script of an allowed origin may read beyond the CORS-safelisted ones: those the contract
   * tells clients to act on. The template's gateway responses expose the same list.
   */
  public static final String EXPOSED_HEADERS =
      "ETag, Location, Idempotent-Replayed, Retry-After, WWW-Authenticate, Accept-Patch, Accept-Post";

  private final boolean anyOrigin;
  private final List<String> origins;

  public Cors(String allowedOrigins) {
    List<String> parsed =
        allowedOrigins == null
            ? List.of()
            : Arrays.stream(allowedOrigins.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    this.anyOrigin = parsed.contains("*");
    this.origins = parsed;
  }

  public static Cors fromEnvironment() {
    return new Cors(Environment.get("ALLOWED_ORIGINS"));
  }

  /** Adds the CORS response headers when the request came from an allowed origin, and Vary when they could vary. */
  void decorate(ApiRequest request, ApiResponse response) {
    if (!anyOrigin && !origins.isEmpty()) {
      // With a list, the response depends on Origin even when this request sent none or one not
      // listed: a cache
      // must not hand it to another origin (Fetch standard, "CORS protocol and HTTP caches").
      response.header("Vary", "Origin");
    }
    String origin = request.header("Origin");
    if (origin == null || !allows(origin)) {
      return;
    }
    response.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
    response.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  }

  boolean allows(String origin) {
    return anyOrigin || origins.contains(origin);
  }
}

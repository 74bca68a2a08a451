package dev.catalog.kernel;

import java.util.List;
import java.util.Map;

/**
 * An error the client caused, answered with its {@link Problem}: an RFC 9457 problem that a REST function renders as
 * an {@code application/problem+json} response and a feed function as its error reply.
 *
 * <p>Handlers and the code below them throw these instead of building error responses, so every 4xx has the same
 * shape and the handlers stay free of try/catch ladders.
 */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One failing field of a request: a JSON Pointer-like path ({@code price}, {@code tags[2]}) and why it failed. */
  public record FieldError(String field, String message) {}

  private final transient Problem problem;

  private HttpError(
      int status,
      String slug,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, String> headers) {
    super(detail, null, false, false); // a client error needs no stack trace
    this.problem =
        new Problem(
            Problem.Kind.CLIENT,
            status,
            Problem.TYPE_PREFIX + slug,
            title,
            detail,
            errors,
            headers,
            null);
  }

  private static HttpError of(int status, String slug, String title, String detail) {
    return new HttpError(status, slug, title, detail, List.of(), Map.of());
  }

  public static HttpError badRequest(String slug, String title, String detail) {
    return of(400, slug, title, detail);
  }

  /** A 400 listing every failing field, not just the first (a field may fail more than one constraint). */
  public static HttpError validation(List<FieldError> errors) {
    long fields = errors.stream().map(FieldError::field).distinct().count();
    String detail = fields == 1 ? "1 field is invalid." : fields + " fields are invalid.";
    return new HttpError(
        400, "validation-failed", "The request is invalid", detail, errors, Map.of());
  }

  /** A 401 with {@code WWW-Authenticate: Bearer} (RFC 6750): no valid credentials. */
  public static HttpError unauthorized(String detail) {
    return new HttpError(
        401,
        "unauthorized",
        "Unauthorized",
        detail,
        List.of(),
        Map.of("WWW-Authenticate", "Bearer"));
  }

  /** A 403: the caller is known but may not do this. */
  public static HttpError forbidden(String detail) {
    return of(403, "forbidden", "Forbidden", detail);
  }

  public static HttpError notFound(String detail) {
    return of(404, "not-found", "Not found", detail);
  }

  public static HttpError conflict(String detail) {
    return of(409, "conflict", "Conflict", detail);
  }

  public static HttpError preconditionFailed(String detail) {
    return of(412, "precondition-failed", "Precondition failed", detail);
  }

  public static HttpError payloadTooLarge(String detail) {
    return of(413, "payload-too-large", "Content too large", detail);
  }

  /** A 415; {@code acceptHeader} names the header that tells the client what is accepted, e.g. Accept-Patch. */
  public static HttpError unsupportedMediaType(
      String detail, String acceptHeader, String accepted) {
    return new HttpError(
        415,
        "unsupported-media-type",
        "Unsupported media type",
        detail,
        List.of(),
        Map.of(acceptHeader, accepted));
  }

  public static HttpError unprocessable(String slug, String title, String detail) {
    return of(422, slug, title, detail);
  }

  /** A 429: the client holds or asks for more than a limit allows; {@code slug} names the limit. */
  public static HttpError tooManyRequests(String slug, String title, String detail) {
    return of(429, slug, title, detail);
  }

  /** What the client is answered. */
  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }

  public String type() {
    return problem.type();
  }

  public String title() {
    return problem.title();
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return problem.errors();
  }

  public Map<String, String> headers() {
    return problem.headers();
  }
}

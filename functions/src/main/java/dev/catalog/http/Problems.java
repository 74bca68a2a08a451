package dev.catalog.http;

import dev.catalog.kernel.Problem;

/**
 * Renders a {@link Problem} as a REST response: RFC 9457 {@code application/problem+json} with the problem's status
 * and headers. What problem answers a failure is decided once for every transport, by
 * {@link dev.catalog.kernel.Failures#answer}.
 */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /** The response answering {@code problem}; {@code instance} is the path the client called, or null. */
  public static ApiResponse render(Problem problem, String instance) {
    ApiResponse response =
        ApiResponse.status(problem.status())
            .header("Content-Type", MEDIA_TYPE)
            .body(problem.toJson(instance));
    problem.headers().forEach(response::header);
    return response;
  }
}

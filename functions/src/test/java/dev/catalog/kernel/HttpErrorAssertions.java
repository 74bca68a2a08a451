package dev.catalog.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Asserts that code fails with a given {@link HttpError}: status and problem type, returning it for more checks. */
public final class HttpErrorAssertions {
  private HttpErrorAssertions() {}

  public static HttpError assertProblem(int status, String slug, Executable call) {
    HttpError error = assertThrows(HttpError.class, call);
    assertEquals(status, error.status(), error::detail);
    assertEquals(Problem.TYPE_PREFIX + slug, error.type(), error::detail);
    return error;
  }
}

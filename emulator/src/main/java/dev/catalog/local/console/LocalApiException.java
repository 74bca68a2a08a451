package dev.catalog.local.console;

/**
 * Bad input to the local tools themselves (a Handler that names no class, a port in use, a seed file that does not
 * parse): the message alone says what to fix, so {@link LocalMain} prints it as one line instead of a stack trace.
 */
public final class LocalApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LocalApiException(String message) {
    super(message);
  }

  public LocalApiException(String message, Throwable cause) {
    super(message, cause);
  }
}

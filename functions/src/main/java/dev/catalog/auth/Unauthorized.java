package dev.catalog.auth;

/**
 * What the authorizer throws for any token it refuses. API Gateway answers a Lambda authorizer's error whose message
 * is exactly {@code Unauthorized} with a 401, which refuses the WebSocket handshake; any other error would be a 500.
 * No stack trace, so the runtime's error record is as short as the message, and no cause that could carry the token.
 */
public final class Unauthorized extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message API Gateway matches. */
  public static final String MESSAGE = "Unauthorized";

  public Unauthorized() {
    super(MESSAGE, null, false, false);
  }
}

package dev.catalog.auth;

/**
 * The claims of an access token the authorizer verified, as the feed's functions receive them in the authorizer's
 * context.
 *
 * @param subject  {@code sub}: the person, or for client credentials the client itself
 * @param clientId {@code client_id}: the app client the token was issued to
 * @param scope    {@code scope}, space-separated, as issued ("" when absent)
 * @param groups   {@code cognito:groups}, comma-joined ("" for a person in no group and for a service)
 * @param person   whether a person signed in (the token names a {@code username}); false for a service
 * @param expiresAt {@code exp}: the epoch second from which the token is no longer valid, and the connection opened
 *     with it receives nothing more
 */
public record AccessToken(
    String subject, String clientId, String scope, String groups, boolean person, long expiresAt) {
  /** Who the connection belongs to: the person's {@code sub}, or the service's client id. */
  public String principalId() {
    return person ? subject : clientId;
  }
}

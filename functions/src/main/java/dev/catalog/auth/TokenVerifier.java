package dev.catalog.auth;

/** Verifies a bearer token of the user pool and returns its claims, or says why it refused it. */
public interface TokenVerifier {
  /** @param token the compact JWS as the client sent it; null or blank when it sent none */
  AccessToken verify(String token) throws TokenRefused;
}

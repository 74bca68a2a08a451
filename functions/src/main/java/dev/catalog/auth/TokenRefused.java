package dev.catalog.auth;

/**
 * Why a token was refused, in words fit for the log: a fixed phrase, never the token or any part of it. No stack
 * trace: a refusal is an expected outcome, not a defect.
 */
public final class TokenRefused extends Exception {
  private static final long serialVersionUID = 1L;

  public TokenRefused(String reason) {
    super(reason, null, false, false);
  }
}

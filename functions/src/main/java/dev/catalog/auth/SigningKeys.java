package dev.catalog.auth;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The pool's signing keys, fetched from its JWKS on first use and cached for the life of the container. A token
 * naming a {@code kid} the cache lacks (the pool rotated its keys) makes it fetch again, but at most once per
 * {@link #MIN_REFRESH_INTERVAL}, so tokens with made-up {@code kid}s cannot make it fetch in a loop. Keys older than
 * {@link #MAX_AGE} are fetched again on next use, so a key the pool withdrew stops being trusted within that time
 * (under SnapStart too, whose snapshot may be restored long after it was taken) while the endpoint answers. A failed
 * fetch keeps the keys it had: while the endpoint is down they go on verifying, past {@link #MAX_AGE}, and a fetch is
 * tried again at most once per {@link #MIN_REFRESH_INTERVAL}; one at a time, the others waiting (docs/security.md).
 */
final class SigningKeys {
  static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
  static final Duration MAX_AGE = Duration.ofHours(1);

  /** Where the JWKS document comes from. */
  interface Source {
    /** The document's text. */
    String fetch() throws java.io.IOException;
  }

  private final Source source;
  private final Clock clock;
  private Map<String, RSAPublicKey> keys = Map.of();
  private Instant fetched;
  private Instant attempted;

  SigningKeys(Source source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /** The key the token names, fetching the JWKS when it is due or when the kid is unknown (rate-limited). */
  synchronized RSAPublicKey find(String kid) throws TokenRefused {
    Instant now = clock.instant();
    if (fetched == null || !now.isBefore(fetched.plus(MAX_AGE))) {
      refresh(now);
    }
    RSAPublicKey key = keys.get(kid);
    if (key == null && !now.isBefore(attempted.plus(MIN_REFRESH_INTERVAL))) {
      refresh(now);
      key = keys.get(kid);
    }
    if (key == null) {
      throw new TokenRefused(
          fetched == null
              ? "the signing keys could not be fetched"
              : "no signing key of the pool has the token's kid");
    }
    return key;
  }

  private void refresh(Instant now) {
    if (attempted != null && now.isBefore(attempted.plus(MIN_REFRESH_INTERVAL))) {
      return;
    }
    attempted = now;
    try {
      keys = JwksDocument.signingKeys(source.fetch());
      fetched = now;
    } catch (java.io.IOException | RuntimeException e) {
      AuthorizerLog.jwksFailure(e);
    }
  }
}

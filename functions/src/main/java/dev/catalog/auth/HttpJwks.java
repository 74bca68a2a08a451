package dev.catalog.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Fetches {@code <issuer>/.well-known/jwks.json}, where Cognito publishes a pool's keys, with the JDK's
 * {@link HttpURLConnection} (lighter to load than {@code java.net.http.HttpClient}, which starts threads of its own).
 * Short timeouts: a client waits on its handshake meanwhile.
 */
final class HttpJwks implements SigningKeys.Source {
  static final int TIMEOUT_MILLIS = 2_000;

  /** Cognito's JWKS holds two keys, about 1 KB; anything far larger is not a JWKS. */
  static final int MAX_BYTES = 64 * 1024;

  private final URI location;

  HttpJwks(String issuer) {
    this.location = URI.create(issuer + "/.well-known/jwks.json");
  }

  URI location() {
    return location;
  }

  @Override
  public String fetch() throws IOException {
    HttpURLConnection connection = (HttpURLConnection) location.toURL().openConnection();
    connection.setConnectTimeout(TIMEOUT_MILLIS);
    connection.setReadTimeout(TIMEOUT_MILLIS);
    connection.setInstanceFollowRedirects(false);
    connection.setRequestProperty("Accept", "application/json");
    try {
      int status = connection.getResponseCode();
      if (status != 200) {
        throw new IOException("GET " + location + " answered " + status);
      }
      try (InputStream body = connection.getInputStream()) {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new IOException("GET " + location + " answered more than " + MAX_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
      }
    } finally {
      connection.disconnect();
    }
  }
}

package dev.catalog.local.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A development issuer reachable as Cognito's pools are: its {@code iss} is an HTTP URL on loopback and its JWKS is
 * served at {@code <iss>/.well-known/jwks.json}, so code that finds the keys from the issuer alone (the feed's
 * authorizer, with {@code TOKEN_ISSUER}) verifies its tokens over real HTTP. It counts the JWKS requests, and can
 * rotate: {@link #rotate()} publishes a second key under the same issuer, as a pool does before signing with it.
 */
public final class ServedIssuer implements AutoCloseable {
  public static final String JWKS_PATH = "/.well-known/jwks.json";

  private final HttpServer server;
  private final String url;
  private final Clock clock;
  private final List<DevelopmentIssuer> published = new CopyOnWriteArrayList<>();
  private final AtomicInteger jwksRequests = new AtomicInteger();

  private ServedIssuer(Clock clock) {
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve the development issuer's JWKS", e);
    }
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/local-pool";
    published.add(new DevelopmentIssuer(clock, url));
    server.createContext(
        "/local-pool" + JWKS_PATH,
        exchange -> {
          jwksRequests.incrementAndGet();
          byte[] body = jwks().toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** Serves a new issuer with a key of its own; {@code clock} dates its tokens. */
  public static ServedIssuer start(Clock clock) {
    return new ServedIssuer(clock);
  }

  /** The {@code iss} of its tokens, what {@code TOKEN_ISSUER} names: {@code http://127.0.0.1:<port>/local-pool}. */
  public String url() {
    return url;
  }

  /** The issuer with the first key. */
  public DevelopmentIssuer issuer() {
    return published.get(0);
  }

  /** Publishes another key under the same issuer (both stay in the JWKS) and returns the issuer signing with it. */
  public DevelopmentIssuer rotate() {
    DevelopmentIssuer next = new DevelopmentIssuer(clock, url);
    published.add(next);
    return next;
  }

  /** The JWKS as served now: the public keys of every published key. */
  public JWKSet jwks() {
    return new JWKSet(published.stream().map(issuer -> (JWK) issuer.publicKey()).toList());
  }

  /** How many times the JWKS was requested. */
  public int jwksRequests() {
    return jwksRequests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package dev.catalog.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JWKS fetch against real sockets on loopback: what it asks for, what it refuses (another status, a redirect, a
 * body too large), and that a key endpoint that does not answer costs at most its timeouts, not a hung handshake.
 */
class HttpJwksTest {
  static final String DOCUMENT = "{\"keys\":[]}";
  static final Duration BOUND = Duration.ofMillis(HttpJwks.TIMEOUT_MILLIS).plusSeconds(3);

  HttpServer server;
  final AtomicReference<String> accept = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/pool/.well-known/jwks.json",
        exchange -> {
          accept.set(exchange.getRequestHeaders().getFirst("Accept"));
          byte[] body = DOCUMENT.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/moved/.well-known/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().add("Location", base() + "/pool/.well-known/jwks.json");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/down/.well-known/jwks.json",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.createContext(
        "/large/.well-known/jwks.json",
        exchange -> {
          exchange.sendResponseHeaders(200, HttpJwks.MAX_BYTES + 1);
          exchange.getResponseBody().write(new byte[HttpJwks.MAX_BYTES + 1]);
          exchange.close();
        });
    server.createContext(
        "/largest/.well-known/jwks.json",
        exchange -> {
          exchange.sendResponseHeaders(200, HttpJwks.MAX_BYTES);
          exchange.getResponseBody().write(new byte[HttpJwks.MAX_BYTES]);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void theDocumentIsFetchedFromTheIssuersWellKnownPathAsJson() throws IOException {
    HttpJwks jwks = new HttpJwks(base() + "/pool");

    assertEquals(URI.create(base() + "/pool/.well-known/jwks.json"), jwks.location());
    assertEquals(DOCUMENT, jwks.fetch());
    assertEquals("application/json", accept.get());
  }

  @Test
  void anotherStatusARedirectOrABodyTooLargeIsAFailedFetch() throws IOException {
    assertTrue(
        assertThrows(IOException.class, () -> new HttpJwks(base() + "/down").fetch())
            .getMessage()
            .contains("answered 503"));
    assertTrue(
        assertThrows(IOException.class, () -> new HttpJwks(base() + "/moved").fetch())
            .getMessage()
            .contains("answered 302"));
    assertTrue(
        assertThrows(IOException.class, () -> new HttpJwks(base() + "/large").fetch())
            .getMessage()
            .contains("more than"));
    assertEquals(HttpJwks.MAX_BYTES, new HttpJwks(base() + "/largest").fetch().length());
  }

  @Test
  void aKeyEndpointThatAcceptsButNeverAnswersTimesOut() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      HttpJwks jwks = new HttpJwks("http://127.0.0.1:" + silent.getLocalPort() + "/pool");

      assertTimeoutPreemptively(
          BOUND, () -> assertThrows(SocketTimeoutException.class, jwks::fetch));
    }
  }

  @Test
  void aKeyEndpointThatNeverAcceptsTimesOut() throws IOException {
    // A listening socket that never accepts, its backlog filled: the kernel drops further SYNs, so
    // a connection attempt waits until the connect timeout.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> waiting = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket socket = new Socket();
          waiting.add(socket);
          try {
            socket.connect(full.getLocalSocketAddress(), 200);
          } catch (SocketTimeoutException backlogFull) {
            break;
          }
        }
        HttpJwks jwks = new HttpJwks("http://127.0.0.1:" + full.getLocalPort() + "/pool");

        assertTimeoutPreemptively(
            BOUND, () -> assertThrows(SocketTimeoutException.class, jwks::fetch));
      } finally {
        for (Socket socket : waiting) {
          socket.close();
        }
      }
    }
  }
}

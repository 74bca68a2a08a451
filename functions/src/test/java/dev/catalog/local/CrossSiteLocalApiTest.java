package dev.catalog.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.SampleProducts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a page of another site can do to the local API, over HTTP with the {@code Host} and {@code Origin} a browser
 * would send: the development issuer mints tokens only for requests to this machine's own address (a DNS-rebinding
 * page's requests name its own host), and with authentication off, where every route serves a local administrator,
 * no request to another host is answered and no write from another site's page is taken.
 */
class CrossSiteLocalApiTest {
  @RegisterExtension
  static final DynamoDbLocal AUTH_ON = new DynamoDbLocal().serving(parts -> parts.restApi(0));

  @RegisterExtension
  static final DynamoDbLocal AUTH_OFF =
      new DynamoDbLocal().serving(parts -> parts.restApi(0).authOff());

  static final ObjectMapper JSON = new ObjectMapper();

  /** One status, its headers by lower-case name, and its body. */
  record Answer(int status, Map<String, String> headers, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  /** One HTTP/1.1 exchange with the Host given, as a browser sends it for a page's host name. */
  static Answer send(int port, String method, String path, String host, String... headers)
      throws IOException {
    return sendBody(port, method, path, host, "", headers);
  }

  static Answer sendBody(
      int port, String method, String path, String host, String body, String... headers)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      head.append("Host: ").append(host).append("\r\nConnection: close\r\n");
      for (int i = 0; i < headers.length; i += 2) {
        head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      byte[] content = body.getBytes(UTF_8);
      head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(UTF_8));
      out.write(content);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String[] lines = new String(in.readAllBytes(), UTF_8).split("\r\n\r\n", 2);
    String[] head = lines[0].split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.put(
          head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          head[i].substring(colon + 1).strip());
    }
    String body = lines.length > 1 ? lines[1] : "";
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, body);
  }

  private static String dechunk(String chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String rest = chunked;
    while (true) {
      int end = rest.indexOf("\r\n");
      int size = Integer.parseInt(rest.substring(0, end).strip(), 16);
      if (size == 0) {
        return out.toString(UTF_8);
      }
      out.writeBytes(rest.substring(end + 2, end + 2 + size).getBytes(UTF_8));
      rest = rest.substring(end + 2 + size + 2);
    }
  }

  static List<String> localHosts(int port) {
    return List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost:" + port);
  }

  static List<String> otherHosts(int port) {
    return List.of(
        "rebound.example:" + port,
        "localhost.rebound.example:" + port,
        "127.0.0.1.nip.example:" + port,
        "localhost:" + (port + 1),
        "localhost");
  }

  @Test
  void theTokenEndpointMintsATokenForARequestToThisMachinesOwnAddress() throws IOException {
    int port = AUTH_ON.services().api().port();
    for (String host : localHosts(port)) {
      Answer answer =
          sendBody(
              port,
              "POST",
              "/_local/token",
              host,
              "groups=catalog-admins",
              "Content-Type",
              "application/x-www-form-urlencoded");

      assertEquals(200, answer.status(), host + ": " + answer.body());
      assertFalse(answer.json().path("access_token").asText().isEmpty(), host);
    }
  }

  @Test
  void theTokenEndpointRefusesARequestToAnotherHostWith421ProblemAndNoToken() throws IOException {
    int port = AUTH_ON.services().api().port();
    for (String host : otherHosts(port)) {
      Answer answer =
          sendBody(
              port,
              "POST",
              "/_local/token",
              host,
              "groups=catalog-admins",
              "Content-Type",
              "application/x-www-form-urlencoded",
              "Origin",
              "http://" + host);

      assertEquals(421, answer.status(), host + ": " + answer.body());
      assertEquals("application/problem+json", answer.headers().get("content-type"), host);
      assertEquals(421, answer.json().path("status").asInt(), host);
      assertFalse(answer.body().contains("access_token"), host);
      assertFalse(answer.headers().containsKey("access-control-allow-origin"), host);
    }
  }

  static String product() {
    return SampleProducts.minimal(SampleProducts.uniqueCategory()).toString();
  }

  @Test
  void withAuthenticationOffAWriteFromAPageOfAnotherSiteIsRefusedWith403AndNotMade()
      throws IOException {
    int port = AUTH_OFF.services().api().port();
    String host = "localhost:" + port;
    for (String origin :
        List.of("https://evil.example", "http://localhost.evil.example", "null", "file://")) {
      String id = "cross-site-" + Math.abs(origin.hashCode());
      Answer put =
          sendBody(
              port,
              "PUT",
              "/products/" + id,
              host,
              product(),
              "Content-Type",
              "application/json",
              "Origin",
              origin);

      assertEquals(403, put.status(), origin + ": " + put.body());
      assertEquals("application/problem+json", put.headers().get("content-type"), origin);
      assertEquals(404, send(port, "GET", "/products/" + id, host).status(), origin);
    }
    Answer post =
        sendBody(
            port,
            "POST",
            "/products",
            host,
            product(),
            "Content-Type",
            "text/plain",
            "Origin",
            "https://evil.example");
    assertEquals(403, post.status(), post.body());
  }

  @Test
  void withAuthenticationOffAWriteFromAPageOfThisMachineOrWithoutOriginIsServed()
      throws IOException {
    int port = AUTH_OFF.services().api().port();
    List<String[]> origins =
        List.of(
            new String[] {},
            new String[] {"Origin", "http://localhost:" + port},
            new String[] {"Origin", "http://localhost:5173"},
            new String[] {"Origin", "http://127.0.0.1:8080"},
            new String[] {"Origin", "http://[::1]:8080"});
    for (String[] origin : origins) {
      List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
      headers.addAll(List.of(origin));
      Answer created =
          sendBody(
              port,
              "POST",
              "/products",
              "127.0.0.1:" + port,
              product(),
              headers.toArray(String[]::new));
      assertEquals(201, created.status(), List.of(origin) + ": " + created.body());
    }
  }

  @Test
  void withAuthenticationOffReadsFromAnotherSiteAreAsCorsAllowsThem() throws IOException {
    int port = AUTH_OFF.services().api().port();
    Answer read =
        send(port, "GET", "/products", "localhost:" + port, "Origin", "https://evil.example");

    assertEquals(200, read.status(), read.body());
    // The template's AllowedOrigins, "*" by default: the catalog is public data, as deployed.
    assertEquals("*", read.headers().get("access-control-allow-origin"));
  }

  @Test
  void withAuthenticationOffNoRequestToAnotherHostIsAnswered() throws IOException {
    int port = AUTH_OFF.services().api().port();
    for (String host : otherHosts(port)) {
      for (String method : List.of("GET", "DELETE")) {
        Answer answer = send(port, method, "/products/anything", host);

        assertEquals(421, answer.status(), method + " " + host + ": " + answer.body());
        assertEquals("application/problem+json", answer.headers().get("content-type"));
      }
    }
  }

  @Test
  void withAuthenticationOnAWriteFromAnotherSiteStillNeedsAToken() throws IOException {
    int port = AUTH_ON.services().api().port();
    Answer put =
        sendBody(
            port,
            "PUT",
            "/products/p-1",
            "localhost:" + port,
            product(),
            "Content-Type",
            "application/json",
            "Origin",
            "https://evil.example");

    assertEquals(401, put.status(), put.body());
    assertTrue(put.body().contains("unauthorized"), put.body());
  }
}

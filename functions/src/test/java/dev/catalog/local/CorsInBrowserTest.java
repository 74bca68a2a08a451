package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.catalog.local.dashboard.HeadlessChromium;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.ExternalTool;
import dev.catalog.testing.SampleProducts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * CORS as a browser applies it: scripts of pages of two origins ({@code http://127.0.0.1:<port>}, served here) call the
 * local API ({@code http://localhost:<port>}) with {@code fetch} in headless Chromium. A script of an allowed origin
 * reads the headers the contract tells clients to act on; one of another origin reads nothing; and API Gateway's own
 * answers are readable by the one allowed origin, and by no origin when {@code AllowedOrigins} is a list.
 */
class CorsInBrowserTest {
  /** Without Chromium each test is skipped, saying what to install; under CI it fails. */
  @RegisterExtension static final ExternalTool BROWSER = ExternalTool.CHROMIUM;

  static final HttpServer PAGE = page();
  static final HttpServer OTHER_PAGE = page();
  static final String PAGE_ORIGIN = origin(PAGE);
  static final String OTHER_ORIGIN = origin(OTHER_PAGE);

  @RegisterExtension
  static final DynamoDbLocal ONE_ORIGIN =
      new DynamoDbLocal()
          .serving(parts -> parts.restApi(0).parameter("AllowedOrigins", PAGE_ORIGIN));

  @RegisterExtension
  static final DynamoDbLocal LIST =
      new DynamoDbLocal()
          .serving(
              parts ->
                  parts
                      .restApi(0)
                      .parameter("AllowedOrigins", PAGE_ORIGIN + ",https://admin.example"));

  static final ObjectMapper JSON = new ObjectMapper();
  static HeadlessChromium browser;

  /** An empty page on a loopback port of its own: an origin of its own. */
  static HttpServer page() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            byte[] body = "<!doctype html><title>page</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String origin(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @BeforeAll
  static void start() throws Exception {
    if (BROWSER.installed()) {
      browser = HeadlessChromium.start();
    }
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    PAGE.stop(0);
    OTHER_PAGE.stop(0);
  }

  /**
   * Runs {@code fetch(url, init)} in a page of {@code pageOrigin}: the status and the named response headers as the
   * script reads them, or {@code "network error"} when the browser hides the answer from the script.
   */
  static String fetchFrom(String pageOrigin, URI url, String init, String... headers) {
    browser.driver().get(pageOrigin + "/");
    Object result =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], JSON.parse(arguments[1]))
                  .then((response) => done([String(response.status)]
                    .concat(arguments[2].map((name) => name + "=" + response.headers.get(name)))
                    .join(" ")))
                  .catch(() => done("network error"));
                """,
                url.toString(),
                init,
                List.of(headers));
    return String.valueOf(result);
  }

  static String token(DynamoDbLocal system) throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(system.services().api().url().resolve("/_local/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString("groups=catalog-admins"))
                    .build(),
                BodyHandlers.ofString());
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  static String init(String method, Map<String, String> headers, String body) throws Exception {
    var init = JSON.createObjectNode().put("method", method);
    init.set("headers", JSON.valueToTree(headers));
    if (body != null) {
      init.put("body", body);
    }
    return init.toString();
  }

  @Test
  void aScriptOfTheAllowedOriginReadsTheHeadersTheContractTellsClientsToActOn() throws Exception {
    BROWSER.require();
    URI api = ONE_ORIGIN.services().api().url();
    String auth = "Bearer " + token(ONE_ORIGIN);
    String product = SampleProducts.minimal(SampleProducts.uniqueCategory()).toString();

    assertEquals(
        "415 Accept-Post=application/json",
        fetchFrom(
            PAGE_ORIGIN,
            api.resolve("/products"),
            init("POST", Map.of("Authorization", auth, "Content-Type", "text/plain"), product),
            "Accept-Post"));
    String created =
        fetchFrom(
            PAGE_ORIGIN,
            api.resolve("/products/in-browser"),
            init("PUT", Map.of("Authorization", auth, "Content-Type", "application/json"), product),
            "Location");
    assertEquals("201 Location=/products/in-browser", created);
    assertEquals(
        "415 Accept-Patch=application/merge-patch+json",
        fetchFrom(
            PAGE_ORIGIN,
            api.resolve("/products/in-browser"),
            init("PATCH", Map.of("Authorization", auth, "Content-Type", "application/json"), "{}"),
            "Accept-Patch"));
    String head =
        fetchFrom(
            PAGE_ORIGIN, api.resolve("/products/in-browser"), init("HEAD", Map.of(), null), "ETag");
    assertEquals(true, head.startsWith("200 ETag=\"1."), head);
  }

  @Test
  void aScriptOfAnotherOriginReadsNoAnswerOfTheFunctionsOrOfTheGateway() throws Exception {
    BROWSER.require();
    URI api = ONE_ORIGIN.services().api().url();

    assertEquals(
        "network error",
        fetchFrom(OTHER_ORIGIN, api.resolve("/products/none"), init("GET", Map.of(), null)));
    // API Gateway's 401 names the one allowed origin, not this one.
    assertEquals(
        "network error",
        fetchFrom(
            OTHER_ORIGIN,
            api.resolve("/products"),
            init("POST", Map.of("Content-Type", "text/plain"), "{}")));
  }

  @Test
  void withOneOriginItsScriptReadsApiGatewaysOwnAnswers() throws Exception {
    BROWSER.require();
    URI api = ONE_ORIGIN.services().api().url();

    assertEquals(
        "401 Content-Type=application/problem+json",
        fetchFrom(
            PAGE_ORIGIN,
            api.resolve("/products"),
            init("POST", Map.of("Content-Type", "text/plain"), "{}"),
            "Content-Type"));
    assertEquals(
        "403 Content-Type=application/problem+json",
        fetchFrom(
            PAGE_ORIGIN, api.resolve("/no-route"), init("GET", Map.of(), null), "Content-Type"));
  }

  @Test
  void withAListOfOriginsAListedOriginReadsTheFunctionsAnswersButNotApiGatewaysOwn()
      throws Exception {
    BROWSER.require();
    URI api = LIST.services().api().url();

    assertEquals(
        "404 Content-Type=application/problem+json",
        fetchFrom(
            PAGE_ORIGIN,
            api.resolve("/products/none"),
            init("GET", Map.of(), null),
            "Content-Type"));
    assertEquals(
        "network error",
        fetchFrom(
            PAGE_ORIGIN,
            api.resolve("/products"),
            init("POST", Map.of("Content-Type", "text/plain"), "{}")));
  }
}

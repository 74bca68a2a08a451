package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.dashboard.DashboardPage;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.TemplateFixtures;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the local API serves the dashboard's files: types, caching, security headers, and what stays API Gateway's. */
class DashboardServingTest {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self' ws: wss:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  static LocalApi api;

  @BeforeAll
  static void start() {
    api =
        LocalApi.builder(SamTemplate.load(TemplateFixtures.path("local-api.yaml")))
            .port(0)
            .console(new CapturedConsole().stream())
            .dashboard(DashboardPage.load("ws://localhost:4001/?a=\"><script>alert(1)</script>"))
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void thePageIsUtf8HtmlAtTheRootWithAStrictContentSecurityPolicyAndNoCorsHeader() {
    HttpResponse<String> page =
        Requests.send(Requests.to(api, "/").header("Origin", "https://elsewhere.example"));

    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", header(page, "Content-Type"));
    assertEquals(CSP, header(page, "Content-Security-Policy"));
    assertEquals("nosniff", header(page, "X-Content-Type-Options"));
    assertEquals("no-cache", header(page, "Cache-Control"));
    assertFalse(
        page.headers().firstValue("Access-Control-Allow-Origin").isPresent(),
        page.headers()::toString);
    assertTrue(
        page.body()
            .contains("<script type=\"module\" src=\"/_local/dashboard/dashboard.js\"></script>"));
  }

  @Test
  void theFeedUrlReachesThePageAsAnEscapedAttribute() {
    String body = Requests.send(Requests.to(api, "/")).body();

    assertTrue(
        body.contains(
            "<meta name=\"feed-url\" content=\"ws://localhost:4001/?a=&quot;&gt;&lt;script&gt;"
                + "alert(1)&lt;/script&gt;\">"),
        body);
    assertFalse(body.contains("<script>alert"), body);
  }

  @Test
  void eachFileHasItsMediaTypeAndAStrongEtagThatAnswers304WhenCurrent() {
    Map<String, String> types =
        Map.of(
            "/_local/dashboard/dashboard.js",
            "text/javascript; charset=utf-8",
            "/_local/dashboard/feed.js",
            "text/javascript; charset=utf-8",
            "/_local/dashboard/table.js",
            "text/javascript; charset=utf-8",
            "/_local/dashboard/dashboard.css",
            "text/css; charset=utf-8",
            "/",
            "text/html; charset=utf-8");
    types.forEach(
        (path, type) -> {
          HttpResponse<String> file = Requests.send(Requests.to(api, path));
          assertEquals(200, file.statusCode(), path);
          assertEquals(type, header(file, "Content-Type"), path);
          String etag = header(file, "ETag");
          assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag);

          HttpResponse<String> again =
              Requests.send(Requests.to(api, path).header("If-None-Match", etag));
          assertEquals(304, again.statusCode(), path);
          assertEquals("", again.body(), path);
          assertEquals(etag, header(again, "ETag"), path);
        });
  }

  @Test
  void anUnknownFileIs404AndAWriteToAFileIs405AsProblems() {
    HttpResponse<String> unknown = Requests.send(Requests.to(api, "/_local/dashboard/secrets.txt"));
    assertEquals(404, unknown.statusCode());
    assertEquals("application/problem+json", header(unknown, "Content-Type"));
    assertTrue(unknown.body().contains("\"status\":404"), unknown.body());

    HttpResponse<String> write =
        Requests.send(
            Requests.to(api, "/_local/dashboard/dashboard.js").POST(BodyPublishers.ofString("x")));
    assertEquals(405, write.statusCode());
    assertEquals("GET, HEAD", header(write, "Allow"));
    assertEquals("application/problem+json", header(write, "Content-Type"));
  }

  @Test
  void anotherMethodOnTheRootAndTheRootWithoutThePageStayApiGatewaysNoRoute() {
    HttpResponse<String> post =
        Requests.send(Requests.to(api, "/").POST(BodyPublishers.ofString("{}")));
    assertEquals(403, post.statusCode());
    assertEquals("{\"message\":\"Missing Authentication Token\"}", post.body());

    try (LocalApi plain =
        LocalApi.builder(SamTemplate.load(TemplateFixtures.path("local-api.yaml")))
            .port(0)
            .console(new CapturedConsole().stream())
            .start()) {
      HttpResponse<String> root = Requests.send(Requests.to(plain, "/"));
      assertEquals(403, root.statusCode());
      assertEquals("{\"message\":\"Missing Authentication Token\"}", root.body());
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}

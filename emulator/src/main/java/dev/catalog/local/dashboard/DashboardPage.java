package dev.catalog.local.dashboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * The live dashboard, a development page the local API serves beside the REST routes: {@code GET /} is the page,
 * {@code /_local/dashboard/*} its scripts and style, read once from the class path ({@code
 * emulator/src/main/resources/dashboard}). Every other path is left to the emulated API Gateway.
 *
 * <p>Same origin as the REST API, so the page reads {@code /products} with no CORS at all, and its answers carry no
 * {@code Access-Control-Allow-Origin}: no other origin's script may read them. A strict Content-Security-Policy allows
 * only the page's own files, and connections to its origin and to WebSocket URLs (the feed is on another port);
 * {@code no-cache} with a strong ETag makes a browser revalidate every load, so a rebuilt page is seen at once.
 */
public final class DashboardPage {
  /** Where the page's assets are served. */
  public static final String ASSETS = "/_local/dashboard/";

  /**
   * {@code POST} (form {@code token=}): what the WebSocket API's {@code $connect} authorizer would answer a handshake
   * with that token, as JSON {@code {"status": 401, "reason": "..."}}, 200 when it would let it through. A browser is
   * not shown the status of a refused handshake, so the page asks here once a connection failed before it opened: a
   * 401 or 403 is a refusal for good, anything else a failure worth trying again.
   */
  public static final String CONNECT_CHECK = ASSETS + "connect-check";

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self' ws: wss:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final String RESOURCES = "/dashboard/";
  private static final Map<String, String> FILES =
      Map.of(
          "index.html",
          "text/html; charset=utf-8",
          "dashboard.js",
          "text/javascript; charset=utf-8",
          "feed.js",
          "text/javascript; charset=utf-8",
          "table.js",
          "text/javascript; charset=utf-8",
          "dashboard.css",
          "text/css; charset=utf-8");

  private final Map<String, Asset> assets;
  private final ConnectCheck check;

  private DashboardPage(Map<String, Asset> assets, ConnectCheck check) {
    this.assets = assets;
    this.check = check;
  }

  /** One file as served. */
  record Asset(byte[] body, String contentType, String etag) {}

  /** What the {@code $connect} authorizer answers a token (null: none), as {@link #CONNECT_CHECK} tells the page. */
  @FunctionalInterface
  public interface ConnectCheck {
    Answer check(String token);

    /** 200 when a handshake with the token would pass the authorizer, else its status; and why. */
    record Answer(int status, String reason) {}
  }

  /**
   * As {@link #load(String, String, ConnectCheck, String)}, without a token endpoint (the page connects with no token, or its
   * ?token=) or a check of the feed's authorizer.
   */
  public static DashboardPage load(String feedUrl) {
    return load(feedUrl, null, null, null);
  }

  /**
   * The page, telling the browser the feed's URL (an address's {@code ?ws=} still wins) and where it takes a token.
   *
   * @param feedUrl the WebSocket URL, e.g. {@code ws://localhost:3001}; null leaves the page's default, port 3001 of
   *     the host it was loaded from
   * @param tokenPath the development issuer's token endpoint, {@code /_local/token}; null when there is none
   *     ({@code -Dlocal.auth=off}, {@code -Dlocal.issuer}), so the page asks for no token it cannot have
   * @param check the feed's {@code $connect} authorizer, asked through {@link #CONNECT_CHECK}; null when there is no
   *     feed (the page then tries again after any failure)
   * @param category the category the page shows when its address names none; null for the page's own default
   */
  public static DashboardPage load(
      String feedUrl, String tokenPath, ConnectCheck check, String category) {
    Map<String, Asset> assets = new LinkedHashMap<>();
    FILES.forEach(
        (name, type) -> {
          byte[] body = read(name);
          if (name.equals("index.html")) {
            String html = new String(body, StandardCharsets.UTF_8);
            if (feedUrl != null) {
              html =
                  html.replace(
                      "<meta name=\"feed-url\" content=\"\">",
                      "<meta name=\"feed-url\" content=\"" + attribute(feedUrl) + "\">");
            }
            if (tokenPath != null) {
              html =
                  html.replace(
                      "<meta name=\"token-url\" content=\"\">",
                      "<meta name=\"token-url\" content=\"" + attribute(tokenPath) + "\">");
            }
            if (check != null) {
              html =
                  html.replace(
                      "<meta name=\"connect-check\" content=\"\">",
                      "<meta name=\"connect-check\" content=\"" + CONNECT_CHECK + "\">");
            }
            if (category != null) {
              html =
                  html.replace(
                      "<meta name=\"category\" content=\"\">",
                      "<meta name=\"category\" content=\"" + attribute(category) + "\">");
            }
            body = html.getBytes(StandardCharsets.UTF_8);
          }
          assets.put(
              name.equals("index.html") ? "/" : ASSETS + name, new Asset(body, type, etag(body)));
        });
    return new DashboardPage(assets, check);
  }

  /**
   * Whether the request is the page's: GET or HEAD of {@code /}, or anything under {@link #ASSETS}. Another method
   * on {@code /} is API Gateway's to answer, as it would be without the page.
   */
  public boolean owns(String method, String rawPath) {
    return rawPath.startsWith(ASSETS)
        || rawPath.equals("/") && (method.equals("GET") || method.equals("HEAD"));
  }

  /**
   * Answers a request for one of the page's paths ({@link #owns}): the file for GET and HEAD (304 when the browser's
   * copy is current), a problem for anything else: 404 for an unknown file, 405 for another method.
   */
  public void serve(Request request, Response response, String method, String rawPath, byte[] body)
      throws IOException {
    Asset asset = assets.get(rawPath);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put("X-Content-Type-Options", "nosniff");
    if (rawPath.equals(CONNECT_CHECK) && check != null) {
      checkConnect(response, method, body);
      return;
    }
    if (asset == null) {
      problem(response, 404, "Not Found", "The dashboard has no file " + rawPath + ".");
      return;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      headers.put("Allow", "GET, HEAD");
      problem(response, 405, "Method Not Allowed", "The dashboard's files are read with GET.");
      return;
    }
    headers.put("Content-Type", asset.contentType());
    headers.put("Cache-Control", "no-cache");
    headers.put("ETag", asset.etag());
    headers.put("Content-Security-Policy", CSP);
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Cross-Origin-Resource-Policy", "same-origin");
    String cached = request.getHeaders().get("If-None-Match");
    boolean current =
        cached != null
            && Arrays.stream(cached.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals(asset.etag()) || tag.equals("W/" + asset.etag()));
    write(
        response,
        current ? 304 : 200,
        current || method.equals("HEAD") ? new byte[0] : asset.body());
  }

  private void checkConnect(Response response, String method, byte[] body) throws IOException {
    if (!method.equals("POST")) {
      response.getHeaders().put("Allow", "POST");
      problem(
          response,
          405,
          "Method Not Allowed",
          "The feed's authorizer is asked with POST, the token in the form.");
      return;
    }
    String token = null;
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.startsWith("token=") && pair.length() > "token=".length()) {
        token = URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
      }
    }
    ConnectCheck.Answer answer = check.check(token);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("status", answer.status());
    json.put("reason", answer.reason());
    response.getHeaders().put("Content-Type", "application/json");
    response.getHeaders().put("Cache-Control", "no-store");
    write(response, 200, json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void problem(Response response, int status, String title, String detail)
      throws IOException {
    response.getHeaders().put("Content-Type", "application/problem+json");
    response.getHeaders().put("Cache-Control", "no-store");
    String body =
        "{\"type\":\"about:blank\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}";
    write(response, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Response response, int status, byte[] body) throws IOException {
    response.setStatus(status);
    try (Blocker.Callback sent = Blocker.callback()) {
      response.write(true, ByteBuffer.wrap(body), sent);
      sent.block();
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = DashboardPage.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("The dashboard's " + name + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Strong, from the content: the same file is the same tag across restarts. */
  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String attribute(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}

package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.dashboard.HeadlessChromium;
import dev.catalog.local.dashboard.TcpRelay;
import dev.catalog.testing.ExternalTool;
import dev.catalog.testing.LocalTokens;
import dev.catalog.testing.SampleProducts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live dashboard in headless Chromium against the whole local system of {@code ./mvnw -Plocal} (with the seed of
 * {@code events/seed.json}; every other test writes to categories of its own), in process: the
 * page's table from the REST API, its connection state, and changes made through the REST API arriving through the
 * products table's stream, the fan-out function and the local WebSocket API.
 */
class DashboardPageTest {
  /** Without Chromium each test is skipped, saying what to install; under CI it fails. */
  @RegisterExtension static final ExternalTool BROWSER = ExternalTool.CHROMIUM;

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static LocalServices services;
  static HeadlessChromium browser;
  static String adminToken;

  @BeforeAll
  static void start() throws Exception {
    if (!BROWSER.installed()) {
      return;
    }
    browser = HeadlessChromium.start();
    Properties properties = new Properties();
    properties.setProperty("port", "0");
    properties.setProperty("local.warm", "false");
    properties.setProperty("local.seed", "events/seed.json");
    services =
        LocalServices.start(
            LocalOptions.from(properties, Map.of()), new CapturedConsole().stream());
    adminToken = token("groups=catalog-admins");
  }

  /** No script error, no blocked resource, nothing refused by the Content-Security-Policy. */
  @AfterEach
  void thePageLoggedNoErrorButFailedFeedConnections() {
    if (browser != null) {
      assertEquals(
          List.of(),
          browser.consoleErrors().stream()
              .filter(message -> !message.contains("WebSocket connection to"))
              .toList());
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (browser != null) {
      browser.close();
    }
    if (services != null) {
      services.close();
    }
  }

  @Test
  void thePageListsEveryProductOfTheCategoryFromTheRestApiPageByPageAsText() throws Exception {
    String category = SampleProducts.uniqueCategory();
    String hostile = "<img src=x onerror=\"window.injected=1\">";
    for (String name : List.of("Beta lamp", "Alpha lamp", hostile, "Delta lamp", "Gamma lamp")) {
      put("dash-" + category + "-" + name.hashCode(), name, category, 1);
    }
    put("dash-other-" + category, "Elsewhere", SampleProducts.uniqueCategory(), 1);

    try (TcpRelay noFeed = new TcpRelay(closedPort())) {
      open("/?category=" + category + "&pageSize=2&ws=ws://127.0.0.1:" + noFeed.port());
      await(driver -> "ready".equals(attribute("table-state", "data-state")));

      assertEquals(
          List.of(hostile, "Alpha lamp", "Beta lamp", "Delta lamp", "Gamma lamp"), rowNames());
      assertEquals("5 products.", text("table-state"));
      assertNull(script("return window.injected === undefined ? null : window.injected;"));
      assertEquals(0L, script("return document.querySelectorAll('#products img').length;"));
    }
  }

  @Test
  void withoutTheFeedThePageSaysItIsReconnectingAndKeepsTryingWithBackoff() throws Exception {
    try (TcpRelay noFeed = new TcpRelay(closedPort())) {
      open("/?category=" + SampleProducts.uniqueCategory() + "&ws=ws://127.0.0.1:" + noFeed.port());

      // The state cycles (reconnecting, connecting, reconnecting...) while the test reads it,
      // slowly on a loaded
      // machine: state and text are awaited together rather than read one after the other.
      await(
          driver ->
              "reconnecting".equals(attribute("connection", "data-state"))
                  && text("connection").contains("reconnecting in"));
      await(driver -> Integer.parseInt(attribute("connection", "data-attempt")) >= 3);
      await(driver -> "ready".equals(attribute("table-state", "data-state")));
    }
  }

  @Test
  void choosingAnotherCategoryShowsItsProductsTrimmedAsTheApiTrimsAndPutsItInTheAddress()
      throws Exception {
    String first = SampleProducts.uniqueCategory();
    String second = SampleProducts.uniqueCategory();
    put("dash-first-" + first, "In the first", first, 1);
    put("dash-second-" + second, "In the second", second, 1);
    try (TcpRelay noFeed = new TcpRelay(closedPort())) {
      open("/?category=" + first + "&ws=ws://127.0.0.1:" + noFeed.port());
      await(driver -> rowNames().equals(List.of("In the first")));

      var input = browser.driver().findElement(By.id("category"));
      input.clear();
      input.sendKeys("\u00a0 " + second + " ");
      browser.driver().findElement(By.cssSelector("#choose button")).click();

      await(
          driver ->
              rowNames().equals(List.of("In the second"))
                  && "ready".equals(attribute("table-state", "data-state")));
      assertEquals(second, text("caption-category"));
      assertTrue(
          browser.driver().getCurrentUrl().contains("category=" + second),
          browser.driver()::getCurrentUrl);
    }
  }

  /** The table's rules, run on the page's own module in the browser with events written here. */
  @Test
  @SuppressWarnings("unchecked")
  void
      aDuplicateOrOlderEventChangesNothingAMoveOutRemovesTheRowAndALateDuplicateDoesNotResurrectIt()
          throws Exception {
    try (TcpRelay noFeed = new TcpRelay(closedPort())) {
      open("/?category=" + SampleProducts.uniqueCategory() + "&ws=ws://127.0.0.1:" + noFeed.port());
      var outcome =
          (Map<String, Object>)
              ((JavascriptExecutor) browser.driver())
                  .executeAsyncScript(
                      """
          const done = arguments[arguments.length - 1];
          import("/_local/dashboard/table.js").then(({ ProductTable }) => {
            const body = document.createElement("tbody");
            const said = [];
            const table = new ProductTable(body, (text) => said.push(text));
            table.reset([{ id: "a", name: "A", version: 2, price: 1, category: "c" }]);
            const event = (eventId, type, version, category, previousCategory) => ({ eventId, type, id: "a",
              version, category, previousCategory, occurredAt: "2026-11-28T20:00:00.000Z",
              product: type === "deleted" ? undefined : { id: "a", name: "A" + version, price: 1, category, version } });
            const results = [
              table.apply(event("e3", "updated", 3, "c"), "c"),
              table.apply(event("e3", "updated", 3, "c"), "c"),
              table.apply(event("e2", "updated", 2, "c"), "c"),
              table.apply(event("e1", "updated", 1, "c"), "c"),
              table.apply(event("e4", "updated", 4, "d", "c"), "c"),
              table.apply(event("e5", "created", 1, "c"), "c"),
              table.apply(event("e6", "deleted", 1, "c"), "c"),
              table.apply(event("e5", "created", 1, "c"), "c"),
            ];
            done({ results, names: [...body.rows].map((tr) => tr.cells[0].textContent), said });
          }).catch((failure) => done({ error: String(failure) }));
          """);

      assertNull(outcome.get("error"));
      assertEquals(
          java.util.Arrays.asList("updated", null, null, null, "removed", "added", "removed", null),
          outcome.get("results"));
      assertEquals(List.of(), outcome.get("names"));
      assertEquals(
          List.of("A3 updated (version 3)", "A3 moved to d", "A1 added (version 1)", "A1 deleted"),
          outcome.get("said"));
    }
  }

  @Test
  void productsCreatedChangedMovedAndDeletedThroughTheRestApiShowOnThePageWithoutAReload()
      throws Exception {
    String category = SampleProducts.uniqueCategory();
    String kept = "live-kept-" + category;
    String leaving = "live-leaving-" + category;
    put(kept, "Kept lamp", category, 1);
    put(leaving, "Leaving lamp", category, 1);
    open("/?category=" + category + "&highlightSeconds=60");
    await(
        driver ->
            "open".equals(attribute("connection", "data-state"))
                && "ready".equals(attribute("table-state", "data-state"))
                && rowNames().equals(List.of("Kept lamp", "Leaving lamp")));
    script("window.sameDocument = true;");

    String added = "live-added-" + category;
    put(added, "Added lamp", category, 3);
    await(driver -> rowNames().equals(List.of("Added lamp", "Kept lamp", "Leaving lamp")));
    assertEquals(List.of("Added lamp"), changedRowNames());

    put(kept, "Kept lamp, renamed", category, 2);
    await(driver -> rowNames().equals(List.of("Added lamp", "Kept lamp, renamed", "Leaving lamp")));
    assertTrue(
        changedRowNames().contains("Kept lamp, renamed"),
        () -> "highlighted: " + changedRowNames());

    put(leaving, "Leaving lamp", SampleProducts.uniqueCategory(), 1);
    await(driver -> rowNames().equals(List.of("Added lamp", "Kept lamp, renamed")));
    send(HttpRequest.newBuilder(url("/products/" + added)).DELETE());
    await(driver -> rowNames().equals(List.of("Kept lamp, renamed")));

    assertEquals(
        true, script("return window.sameDocument === true;"), "the page was never reloaded");
  }

  /** The names of the rows the page highlights as changed. */
  @SuppressWarnings("unchecked")
  static List<String> changedRowNames() {
    return (List<String>)
        script(
            "return [...document.querySelectorAll('#products tbody tr.changed')].map(tr => tr.cells[0].textContent);");
  }

  @Test
  void withTheFeedThePageIsLiveAndAfterTheConnectionDropsItReconnectsAndShowsWhatChangedMeanwhile()
      throws Exception {
    String category = SampleProducts.uniqueCategory();
    String id = "feed-r-" + category;
    put(id, "Before the drop", category, 1);
    try (TcpRelay relay = new TcpRelay(services.webSocket().port())) {
      open("/?category=" + category + "&ws=" + encode("ws://127.0.0.1:" + relay.port()));
      await(
          driver ->
              "open".equals(attribute("connection", "data-state"))
                  && rowNames().equals(List.of("Before the drop"))
                  && "ready".equals(attribute("table-state", "data-state")));
      assertEquals("live", text("connection-text"));
      script("window.sameDocument = true;");

      relay.refuse();
      relay.cut();
      await(driver -> "reconnecting".equals(attribute("connection", "data-state")));
      put(id, "Changed while away", category, 2);
      relay.admit();

      // Nothing can send this page a change made while it had no connection: the table shows it by
      // reloading.
      await(
          driver ->
              "open".equals(attribute("connection", "data-state"))
                  && rowNames().equals(List.of("Changed while away")));
      assertTrue(relay.accepted() >= 2, "connections: " + relay.accepted());
      assertEquals(true, script("return window.sameDocument === true;"));
    }
  }

  @Test
  void aTokenTheFeedRefusesStopsTheFeedWithTheReasonInsteadOfRetryingForever() throws Exception {
    open("/?category=" + SampleProducts.uniqueCategory() + "&token=not-a-token");

    await(driver -> "refused".equals(attribute("connection", "data-state")));
    String said = text("connection-text");
    assertTrue(
        said.contains(
            "the feed refused the connection with the token of the address (401: the authorizer"
                + " answered Unauthorized)"),
        said);
    Thread.sleep(3000); // longer than the first delays of the backoff
    assertEquals("refused", attribute("connection", "data-state"));
    assertEquals("1", attribute("connection", "data-attempt"), "attempts");
  }

  @Test
  void aCategoryTheFeedRefusesStopsTheFeedWithTheFeedsReasonInsteadOfRetryingForever()
      throws Exception {
    String tooLong = "c".repeat(65);
    open("/?category=" + tooLong);

    await(driver -> "refused".equals(attribute("connection", "data-state")));
    String said = text("connection-text");
    assertTrue(said.contains("the feed refused the subscription to “" + tooLong + "”"), said);
    assertTrue(said.contains("categories[0] must be at most 64 characters"), said);
    Thread.sleep(3000);
    assertEquals("refused", attribute("connection", "data-state"));
    assertEquals("1", attribute("connection", "data-attempt"), "attempts");
    // The REST API refuses the category too, which the page shows as a problem (and the browser
    // logs as an error).
    await(driver -> text("problem").startsWith("Could not load the products:"));
    assertTrue(
        browser.consoleErrors().stream()
            .allMatch(
                error ->
                    error.contains("/products?category=")
                        || error.contains("WebSocket connection to")));
  }

  @Test
  void withoutACategoryInTheAddressThePageShowsTheSeedsCategoryWithMostProducts() {
    open("/");

    await(driver -> "ready".equals(attribute("table-state", "data-state")));
    assertEquals("kitchen", text("caption-category"));
    assertEquals(
        List.of(
            "Cast Iron Skillet, 26 cm",
            "Chef's Knife, 8 inch",
            "Gooseneck Pour-Over Kettle",
            "Stainless Steel Water Bottle"),
        rowNames());
  }

  @Test
  void theFooterShowsTheFeedUrlThePageUsesNotAFixedPort() {
    String category = SampleProducts.uniqueCategory();
    open("/?category=" + category);

    await(driver -> "open".equals(attribute("connection", "data-state")));
    assertEquals(
        "?category=" + category + "&ws=" + services.webSocket().url(), text("address-example"));
  }

  /**
   * A loopback listener that records the request line of each WebSocket handshake it is sent, then hangs up: what a
   * feed at {@code host} would be told.
   */
  static final class HandshakeRecorder implements AutoCloseable {
    final java.net.ServerSocket server;
    final java.util.concurrent.BlockingQueue<String> requestLines =
        new java.util.concurrent.LinkedBlockingQueue<>();

    HandshakeRecorder(String host) throws Exception {
      server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName(host));
      Thread.ofVirtual()
          .start(
              () -> {
                while (!server.isClosed()) {
                  try (var socket = server.accept()) {
                    var in =
                        new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                socket.getInputStream(), StandardCharsets.US_ASCII));
                    requestLines.add(in.readLine());
                  } catch (java.io.IOException closed) {
                    // the test is over, or the browser gave up on this attempt
                  }
                }
              });
    }

    String url() {
      return "ws://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    String firstRequestLine() throws InterruptedException {
      String line = requestLines.poll(30, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(line != null, "no handshake reached " + url());
      return line;
    }

    @Override
    public void close() throws Exception {
      server.close();
    }
  }

  @Test
  void theDevelopmentTokenGoesToAFeedOfThisMachineButNeverToAWsOfAnotherHost() throws Exception {
    // 127.0.0.2 is this machine too, but not a name the page is served under: another host, as a
    // ?ws= of a link could name one.
    try (HandshakeRecorder other = new HandshakeRecorder("127.0.0.2");
        HandshakeRecorder own = new HandshakeRecorder("127.0.0.1")) {
      open("/?category=" + SampleProducts.uniqueCategory() + "&ws=" + encode(other.url()));
      String toOther = other.firstRequestLine();
      open("/?category=" + SampleProducts.uniqueCategory() + "&ws=" + encode(own.url()));
      String toOwn = own.firstRequestLine();
      browser.driver().get("about:blank");

      assertTrue(toOther.startsWith("GET /"), toOther);
      assertTrue(!toOther.contains("token="), toOther);
      assertTrue(toOwn.contains("token=ey"), toOwn);
    }
  }

  @Test
  void withAuthenticationOffThePageConnectsWithoutATokenAndShowsChangesLive() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("port", "0");
    properties.setProperty("local.warm", "false");
    properties.setProperty("local.auth", "off");
    String category = SampleProducts.uniqueCategory();
    try (LocalServices unguarded =
        LocalServices.start(
            LocalOptions.from(properties, Map.of()), new CapturedConsole().stream())) {
      putWithoutToken(unguarded, "off-first-" + category, "First lamp", category);
      // Opened once the fan-out has passed that change: a fan-out still at it while the page's
      // $connect runs finds
      // the new connection's record before API Gateway has accepted it, gets 410 and removes it as
      // gone.
      await(
          driver ->
              unguarded.streams().invocations("FeedFanOutFunction").stream()
                  .anyMatch(invocation -> invocation.keys("id").contains("off-first-" + category)));
      browser.driver().get(unguarded.api().url().resolve("/?category=" + category).toString());
      await(
          driver ->
              "open".equals(attribute("connection", "data-state"))
                  && "ready".equals(attribute("table-state", "data-state"))
                  && rowNames().equals(List.of("First lamp")));

      putWithoutToken(unguarded, "off-second-" + category, "Second lamp", category);

      await(driver -> rowNames().equals(List.of("First lamp", "Second lamp")));
      assertEquals("live", text("connection-text"));
      browser
          .driver()
          .get("about:blank"); // before its server stops, which the page would try to reach again
    }
  }

  static void putWithoutToken(LocalServices target, String id, String name, String category)
      throws Exception {
    var product = SampleProducts.minimal(category).put("name", name);
    var response =
        HTTP.send(
            HttpRequest.newBuilder(target.api().url().resolve("/products/" + id))
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(product.toString()))
                .build(),
            BodyHandlers.ofString());
    assertEquals(201, response.statusCode(), response::body);
  }

  static void open(String pathAndQuery) {
    browser.driver().get(services.api().url().resolve(pathAndQuery).toString());
  }

  static <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
        .until(condition);
  }

  static Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
  }

  static String attribute(String id, String name) {
    return browser.driver().findElement(By.id(id)).getAttribute(name);
  }

  static String text(String id) {
    return browser.driver().findElement(By.id(id)).getText();
  }

  /** The first cell of each row, as the page shows it, in order. */
  @SuppressWarnings("unchecked")
  static List<String> rowNames() {
    return (List<String>)
        script(
            "return [...document.querySelectorAll('#products tbody tr')].map(tr => tr.cells[0].textContent);");
  }

  static JsonNode put(String id, String name, String category, int stock) throws Exception {
    var product = SampleProducts.minimal(category).put("name", name).put("stock", stock);
    return send(
        HttpRequest.newBuilder(services.api().url().resolve("/products/" + id))
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(product.toString())));
  }

  static JsonNode send(HttpRequest.Builder request) throws Exception {
    var response =
        HTTP.send(
            request.header("Authorization", "Bearer " + adminToken).build(),
            BodyHandlers.ofString());
    assertTrue(response.statusCode() < 300, response::body);
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  static String token(String form) throws Exception {
    return LocalTokens.request(services.api().url(), form);
  }

  /** A loopback port nothing listens on. */
  static int closedPort() throws Exception {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static URI url(String path) {
    return services.api().url().resolve(path);
  }
}

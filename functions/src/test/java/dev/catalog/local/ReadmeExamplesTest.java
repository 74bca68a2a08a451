package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.testing.ExternalTool;
import dev.catalog.testing.WebSocketClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Try it" and docs/local.md's "Watch changes live", run as written with bash, curl and jq against the
 * local API of {@code ./mvnw -Plocal}, started in process on free ports ({@code localhost:3000} and
 * {@code localhost:3001} in the blocks become those ports). Each step's status is checked, so an edit that breaks a
 * block (a variable never set, a condition that no longer holds, a step that fails) fails here. Left out: the
 * browser, and wscat, whose place this test's own WebSocket client takes. Also what the docs say of the local API's
 * own answers.
 */
class ReadmeExamplesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ID = "/products/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  static final String CURSOR = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
  static final Duration SLOW = Duration.ofMinutes(1);

  /** {@code ./mvnw -Plocal}, as "Try it" asks for it. */
  static LocalServices plain;

  @BeforeAll
  static void startThePlainLocalApi() {
    plain = start(List.of());
  }

  @AfterAll
  static void stop() {
    plain.close();
  }

  /** The local API as {@code ./mvnw -Plocal} with these {@code -D} settings starts it, on free ports. */
  static LocalServices start(List<String> settings) {
    Properties properties = new Properties();
    for (String setting : settings) {
      if (!setting.startsWith("-D") || !setting.contains("=")) {
        fail(
            "The docs start the local API with "
                + setting
                + ", which this test does not know how to pass on");
      }
      properties.setProperty(
          setting.substring(2, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
    }
    properties.setProperty("port", "0");
    properties.setProperty("local.warm", "false");
    return LocalServices.start(
        LocalOptions.from(properties, Map.of()), new CapturedConsole().stream());
  }

  /** The block with the local API's ports in place of the default ones. */
  static String onPorts(String block, LocalServices services) {
    return block
        .replace("localhost:3000", "localhost:" + services.api().port())
        .replace("localhost:3001", "localhost:" + services.webSocket().port());
  }

  static void assertSteps(List<String> expected, ReadmeShell.Run run, String what) {
    assertEquals(0, run.exitCode(), () -> what + " failed:\n" + run.transcript());
    assertEquals(
        expected.size(),
        run.steps().size(),
        () -> what + ": " + run.steps() + "\n" + run.transcript());
    for (int i = 0; i < expected.size(); i++) {
      int step = i;
      assertTrue(
          run.steps().get(i).matches(expected.get(i)),
          () ->
              what
                  + ", step "
                  + (step + 1)
                  + ": expected "
                  + expected.get(step)
                  + ", was "
                  + run.steps().get(step)
                  + "\n"
                  + run.transcript());
    }
  }

  @Test
  void tryItRunsAsWrittenEachStepAnsweringWhatItsCommentSaysAndRunsTheSameAgain() {
    ExternalTool.README_SHELL.require();
    List<String> blocks = ReadmeShell.blocks(ReadmeShell.README, "Try it");
    assertEquals(1, blocks.size(), "Try it is one block, its steps sharing one shell's variables");
    List<String> expected =
        List.of(
            "POST /_local/token 200",
            "POST /products 201",
            "GET " + ID + " 200",
            "GET " + ID + " 304",
            "PUT /products/lamp-42 201",
            "GET /products\\?category=lighting&limit=1 200",
            "GET /products\\?category=lighting&limit=1&cursor=" + CURSOR + " 200",
            "PATCH /products/lamp-42 200",
            "DELETE /products/lamp-42 204",
            "POST /products 400",
            "DELETE /products/lamp-42 401");
    String block = onPorts(blocks.get(0), plain);
    ReadmeShell.Run first = ReadmeShell.run(block, "", Map.of());
    assertSteps(expected, first, "Try it");
    assertFalse(
        first.stdout().toLowerCase(Locale.ROOT).contains("idempotent-replayed"), first::transcript);

    ReadmeShell.Run again = ReadmeShell.run(block, "", Map.of());
    assertSteps(expected, again, "Try it, run again");
    assertTrue(
        again.stdout().toLowerCase(Locale.ROOT).contains("idempotent-replayed: true"),
        again::transcript);
    assertEquals(
        first.steps().get(2), again.steps().get(2), "the create was replayed: the same product");
  }

  /**
   * The feed's blocks in docs/local.md: the server's command (run here in process, with its settings), the terminal
   * client (wscat, interactive, stood in for by this test's own WebSocket client on the URL the block gives it), then
   * the changes made in another terminal, which must reach the client as the page's example says.
   */
  @Test
  void watchChangesLiveRunsAsWrittenWithoutTheBrowserAndTheFeedCarriesBothChanges()
      throws Exception {
    ExternalTool.README_SHELL.require();
    List<String> blocks = ReadmeShell.blocks(ReadmeShell.LOCAL_PAGE, "Watch changes live");
    assertEquals(3, blocks.size(), "the server, the terminal client, the changes");
    List<String> server = commands(blocks.get(0));
    assertEquals(1, server.size(), blocks.get(0));
    List<String> words = Arrays.asList(server.get(0).split("\\s+"));
    assertEquals(List.of("./mvnw", "-Plocal"), words.subList(0, 2), blocks.get(0));
    try (LocalServices services = start(words.subList(2, words.size()))) {
      Path npxArguments = Files.createTempFile("npx", ".args");
      npxArguments.toFile().deleteOnExit();
      ReadmeShell.Run client =
          ReadmeShell.run(
              onPorts(blocks.get(1), services),
              "npx() { printf '%s\\n' \"$@\" > \"$NPX_ARGUMENTS\"; }",
              Map.of("NPX_ARGUMENTS", npxArguments.toString()));
      assertSteps(List.of("POST /_local/token 200"), client, "the terminal client's block");
      List<String> npx = Files.readAllLines(npxArguments, StandardCharsets.UTF_8);
      assertEquals(List.of("wscat", "-c"), npx.subList(0, 2), npx::toString);

      try (WebSocketClient feed = connect(URI.create(npx.get(2)))) {
        ReadmeShell.Run changes = ReadmeShell.run(onPorts(blocks.get(2), services), "", Map.of());
        assertSteps(
            List.of(
                "POST /_local/token 200",
                "PATCH /products/office-desk-lamp 200",
                "PATCH /products/office-desk-lamp 200"),
            changes,
            "the changes' block");

        JsonNode updated = event(feed);
        assertEquals("updated", updated.path("type").asText(), updated::toString);
        assertEquals("office-desk-lamp", updated.path("id").asText());
        assertEquals(2, updated.path("version").asInt(), updated::toString);
        assertEquals("office", updated.path("category").asText());
        assertEquals(7, updated.path("product").path("stock").asInt(), updated::toString);
        assertEquals("44.5", updated.path("product").path("price").asText(), updated::toString);
        JsonNode moved = event(feed);
        assertEquals(3, moved.path("version").asInt(), moved::toString);
        assertEquals("lighting", moved.path("category").asText(), moved::toString);
        assertEquals("office", moved.path("previousCategory").asText(), moved::toString);
      }
    }
  }

  /** The lines of a block that are commands, without comments. */
  static List<String> commands(String block) {
    List<String> commands = new ArrayList<>();
    for (String line : block.split("\n")) {
      String command = line.replaceFirst("\\s*#.*$", "").strip();
      if (!command.isEmpty()) {
        commands.add(command);
      }
    }
    return commands;
  }

  /**
   * Connects as wscat would; a handshake not answered within the client's wait is tried again, for a minute: the
   * first $connect starts its functions cold, which on a busy machine may take longer than that wait.
   */
  static WebSocketClient connect(URI url) throws InterruptedException {
    long deadline = System.nanoTime() + SLOW.toNanos();
    while (true) {
      try {
        return WebSocketClient.connect(url).get();
      } catch (ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "the feed did not accept " + url + " within " + SLOW, e.getCause());
        }
      }
    }
  }

  /** The next event, within a minute: the stream's consumer, like $connect, starts cold. */
  static JsonNode event(WebSocketClient feed) throws InterruptedException, IOException {
    String message = feed.next(SLOW);
    assertNotNull(message, "no event on the feed within " + SLOW);
    return JSON.readTree(message);
  }

  /**
   * The README and the docs give the 403 of a path or method no route serves as the local API answers it for this
   * template: problem+json {@code no-route} (the template's MISSING_AUTHENTICATION_TOKEN gateway response), never API
   * Gateway's bare {@code {"message": ...}}, which a client of this API never sees.
   */
  @Test
  void theDocsGiveThe403OfAPathOrMethodNoRouteServesAsTheNoRouteProblemTheApiAnswers()
      throws Exception {
    List<Path> pages = new ArrayList<>(List.of(ReadmeShell.README));
    try (var docs = Files.list(Path.of("docs"))) {
      docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    assertTrue(pages.contains(Path.of("docs", "contract.md")), pages::toString);
    for (Path page : pages) {
      assertFalse(
          Files.readString(page)
              .matches("(?s).*\\{\"message\": ?\"Missing Authentication Token\"}.*"),
          page + " gives API Gateway's bare body for a path no route serves");
    }
    HttpClient http = HttpClient.newHttpClient();
    for (var request :
        List.of(
            HttpRequest.newBuilder(plain.api().url().resolve("/products")).DELETE(),
            HttpRequest.newBuilder(URI.create(plain.api().url() + "//products")).GET(),
            HttpRequest.newBuilder(plain.api().url().resolve("/products/a/b")).GET())) {
      var response = http.send(request.build(), BodyHandlers.ofString());
      String what = request.build() + ": " + response.body();
      assertEquals(403, response.statusCode(), what);
      assertEquals(
          "application/problem+json",
          response.headers().firstValue("Content-Type").orElse(""),
          what);
      assertEquals(
          "urn:products-api:problem:no-route",
          JSON.readTree(response.body()).path("type").asText(),
          what);
    }
  }
}

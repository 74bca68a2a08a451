package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.SampleProducts;
import java.io.PrintStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invoke command runs one function with an event file; {@code -Dlocal.seed} adds the sample products through the
 * API; {@code -Dlocal.data} keeps what was written across restarts.
 */
class InvokeAndDataTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path SEED = Path.of("events", "seed.json");

  static LocalOptions options(Path data, Path seed, String invoke) {
    return new LocalOptions(
        LocalOptions.DEFAULT_TEMPLATE,
        0,
        data,
        seed,
        0,
        false,
        invoke,
        invoke == null ? null : Path.of("events", invoke + ".json"));
  }

  @Test
  void invokeRunsOneFunctionWithItsEventFileAndPrintsTheResponse() throws Exception {
    CapturedConsole out = new CapturedConsole();
    CapturedConsole err = new CapturedConsole();

    int status =
        LocalInvoke.run(options(null, SEED, "GetProductFunction"), out.stream(), err.stream());

    assertEquals(0, status, err::text);
    JsonNode response = JSON.readTree(out.text());
    assertEquals(200, response.get("statusCode").asInt(), out::text);
    JsonNode product = JSON.readTree(response.get("body").asText());
    assertEquals(
        "3f2c6a9e-5b1d-4c8e-9a7f-2d4b6e8c0a1f",
        product.get("id").asText(),
        "the seed has the events' id");
    assertTrue(err.text().contains("[GetProductFunction] instance 1 started"), err::text);
  }

  /** What the command prints: its status, standard output and standard error, as {@code main} would print them. */
  record Command(int status, String stdout, String stderr) {}

  /** Runs {@code ./mvnw -Plocal} with these properties in-process, the JVM's own streams captured. */
  static Command command(Properties properties) throws InterruptedException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    CapturedConsole stdout = new CapturedConsole();
    CapturedConsole stderr = new CapturedConsole();
    System.setOut(stdout.stream());
    System.setErr(stderr.stream());
    int status;
    try {
      status = LocalMain.run(properties, Map.of(), System.out, System.err);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Command(status, stdout.text(), stderr.text());
  }

  @Test
  void invokePrintsOnlyTheResponseOnStandardOutputAndTheFunctionsLogLinesOnStandardError()
      throws Exception {
    Properties properties = new Properties();
    properties.setProperty("invoke", "GetProductFunction");
    properties.setProperty("local.seed", SEED.toString());

    Command invoked = command(properties);

    assertEquals(0, invoked.status(), invoked::stderr);
    JsonNode response =
        JSON.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readValue(invoked.stdout());
    assertEquals(200, response.get("statusCode").asInt(), invoked::stdout);
    List<JsonNode> logged = new ArrayList<>();
    for (String line : invoked.stderr().lines().filter(line -> line.startsWith("{")).toList()) {
      logged.add(JSON.readTree(line));
    }
    assertTrue(
        logged.stream()
            .anyMatch(
                line ->
                    "request".equals(line.path("message").asText())
                        && "GetProductFunction".equals(line.path("function").asText())
                        && "GET /products/{id}".equals(line.path("route").asText())),
        invoked::stderr);
  }

  @Test
  void invokeOfAFunctionTheTemplateLacksNamesItAndTheFunctionsThereAreBeforeAnythingStarts()
      throws Exception {
    Properties properties = new Properties();
    properties.setProperty("invoke", "NoSuchFunction");

    Command invoked = command(properties);

    assertEquals(1, invoked.status());
    assertEquals("", invoked.stdout());
    assertEquals(
        List.of(
            "local: -Dinvoke=NoSuchFunction: template.yaml has no function NoSuchFunction; its functions"
                + " are "
                + String.join(
                    ", ", SamTemplate.load(Path.of("template.yaml")).functions().keySet())),
        invoked.stderr().lines().toList());
  }

  @Test
  void invokeWithoutTheSeedFindsNothing() throws Exception {
    CapturedConsole out = new CapturedConsole();

    assertEquals(
        0,
        LocalInvoke.run(
            options(null, null, "GetProductFunction"),
            out.stream(),
            new CapturedConsole().stream()));
    assertEquals(404, JSON.readTree(out.text()).get("statusCode").asInt());
  }

  @Test
  void dataWrittenOnePassIsThereTheNextAndTheSeedIsNotAddedTwice(@TempDir Path data) {
    String created;
    try (LocalServices first =
        LocalServices.start(options(data, SEED, null), new CapturedConsole().stream())) {
      assertEquals(12, first.seeded());
      HttpResponse<String> response =
          Requests.send(
              Requests.asAdmin(first.api(), "/products")
                  .header("Content-Type", "application/json")
                  .POST(BodyPublishers.ofString(SampleProducts.minimal("kept").toString())));
      assertEquals(201, response.statusCode(), response::body);
      created = response.headers().firstValue("Location").orElseThrow();
    }

    try (LocalServices second =
        LocalServices.start(options(data, SEED, null), new CapturedConsole().stream())) {
      assertEquals(0, second.seeded());
      assertEquals(200, Requests.send(Requests.to(second.api(), created)).statusCode());
      assertEquals(
          200, Requests.send(Requests.to(second.api(), "/products/office-desk-lamp")).statusCode());
    }
  }
}

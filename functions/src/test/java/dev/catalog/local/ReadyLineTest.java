package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.console.RequestLog;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./mvnw -Plocal -Dlocal.seed=events/seed.json} prints: the ready line last, once the seed is written and
 * everything it set going (the stream consumers' invocations, the SNS messages) has been printed, so it is not lost
 * among them; and a dashboard address whose category has products.
 */
class ReadyLineTest {
  static final Path SEED = Path.of("events", "seed.json");
  static final CapturedConsole OUT = new CapturedConsole();
  static LocalServices services;
  static List<String> printed;
  static List<String> seedIds = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    for (JsonNode product : new ObjectMapper().readTree(SEED.toFile())) {
      seedIds.add(product.path("id").asText());
    }
    // Warm: the instances started in the background after the ready line print nothing either.
    LocalOptions options =
        new LocalOptions(LocalOptions.DEFAULT_TEMPLATE, 0, null, SEED, 0, true, null, null);
    services =
        LocalMain.start(
            options, OUT.stream(), RequestLog.text(OUT.stream()), new CapturedConsole().stream());
    assertNotNull(services, OUT::text);
    printed = OUT.lines();
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
  }

  @Test
  void withASeedTheReadyLineIsPrintedLastAfterTheSeedAndEverythingItSetGoingAndNothingFollowsIt()
      throws InterruptedException {
    assertTrue(
        printed.getLast().startsWith("Local API ready on " + services.api().url()), OUT::text);
    assertTrue(printed.getLast().contains(", 12 products added from " + SEED), printed.getLast());
    for (String id : seedIds) {
      assertTrue(
          printed.stream()
              .anyMatch(line -> line.startsWith("[local API] PUT /products/" + id + " 201 ")),
          id + ":\n" + OUT.text());
      assertTrue(
          printed.stream()
              .anyMatch(
                  line ->
                      line.startsWith("[SNS] ProductEventsTopic ")
                          && line.matches(
                              ".*productId=String:"
                                  + java.util.regex.Pattern.quote(id)
                                  + "[,}].*")),
          "the SNS message of " + id + " before the ready line:\n" + OUT.text());
      for (String consumer : List.of("ProductEventsFunction", "FeedFanOutFunction")) {
        assertTrue(
            services.streams().invocations(consumer).stream()
                .anyMatch(invocation -> invocation.keys("id").contains(id)),
            id + " reached " + consumer);
      }
    }
    assertTrue(
        printed.stream()
            .anyMatch(
                line ->
                    line.startsWith(
                        "[DynamoDB stream] ProductsTable" + " → FeedFanOutFunction: batch of ")),
        OUT::text);

    Thread.sleep(3000);

    assertEquals(printed, OUT.lines(), "printed after the ready line, with no request made");
  }

  @Test
  void theDashboardAddressShowsTheCategoryWithMostProductsInTheSeed() throws Exception {
    String line =
        printed.stream()
            .filter(printedLine -> printedLine.startsWith("Live dashboard: "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(OUT.text()));
    URI address = URI.create(line.substring("Live dashboard: ".length()));
    assertEquals(services.api().url().resolve("/"), address.resolve("/"), line);
    String category =
        URLDecoder.decode(
            address.getRawQuery().substring("category=".length()), StandardCharsets.UTF_8);

    HttpResponse<String> listed =
        Requests.send(Requests.to(services.api(), "/products?category=" + category));

    assertEquals(
        "kitchen",
        category,
        "events/seed.json has 4 kitchen products, 3 garden, 3 office, 2 outdoor");
    assertEquals(4, new ObjectMapper().readTree(listed.body()).path("items").size(), listed::body);
    assertFalse(line.contains("lighting"), line);
  }
}

package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the README says the local API of {@code ./mvnw -Plocal} answers, checked against it, started in process. */
class ReadmeExamplesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** {@code ./mvnw -Plocal}. */
  static LocalServices plain;

  @BeforeAll
  static void startThePlainLocalApi() {
    Properties properties = new Properties();
    properties.setProperty("port", "0");
    properties.setProperty("local.warm", "false");
    plain = LocalServices.start(LocalOptions.from(properties, Map.of()), new CapturedConsole().stream());
  }

  @AfterAll
  static void stop() {
    plain.close();
  }

  /**
   * The README gives the 403 of a path or method no route serves as the local API answers it for this template:
   * problem+json {@code no-route} (the template's MISSING_AUTHENTICATION_TOKEN gateway response), never API Gateway's
   * bare {@code {"message": ...}}, which a client of this API never sees.
   */
  @Test
  void theReadmeGivesThe403OfAPathOrMethodNoRouteServesAsTheNoRouteProblemTheApiAnswers() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    assertFalse(readme.matches("(?s).*\\{\"message\": ?\"Missing Authentication Token\"}.*"),
        "README.md gives API Gateway's bare body for a path no route serves");
    HttpClient http = HttpClient.newHttpClient();
    for (var request : List.of(HttpRequest.newBuilder(plain.api().url().resolve("/products")).DELETE(),
        HttpRequest.newBuilder(URI.create(plain.api().url() + "//products")).GET(),
        HttpRequest.newBuilder(plain.api().url().resolve("/products/a/b")).GET())) {
      var response = http.send(request.build(), BodyHandlers.ofString());
      String what = request.build() + ": " + response.body();
      assertEquals(403, response.statusCode(), what);
      assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
      assertEquals("urn:products-api:problem:no-route", JSON.readTree(response.body()).path("type").asText(), what);
    }
  }
}

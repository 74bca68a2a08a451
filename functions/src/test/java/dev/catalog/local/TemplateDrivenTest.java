package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.TemplateFixtures;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A throwaway template ({@code templates/local-api.yaml}) with an extra function, EchoFunction, that no Java code
 * lists: the local API serves it from the template alone, with the environment the template gives it, next to the
 * products functions of the same template, each function in a class loader of its own.
 */
class TemplateDrivenTest {
  @RegisterExtension
  static final DynamoDbLocal DYNAMO = new DynamoDbLocal(TemplateFixtures.path("local-api.yaml"));

  static final ObjectMapper JSON = new ObjectMapper();
  static LocalApi api;

  @BeforeAll
  static void start() {
    api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(new CapturedConsole().stream())
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static JsonNode echo(String pathAndQuery) throws IOException {
    HttpResponse<String> response = Requests.send(Requests.to(api, pathAndQuery));
    assertEquals(200, response.statusCode(), response::body);
    return JSON.readTree(response.body());
  }

  @Test
  void aFunctionAddedToTheTemplateIsServedOnItsRoutes() throws IOException {
    assertEquals(
        "/echo/{proxy+}", echo("/echo/anything/at/all").get("event").get("resource").asText());
    assertEquals("/echo/items/{id}", echo("/echo/items/7").get("event").get("resource").asText());
    assertTrue(api.routeTable().contains("EchoFunction"), api::routeTable);
  }

  @Test
  void theFunctionSeesTheTemplatesEnvironmentResolvedToLocalValues() throws IOException {
    JsonNode answer = echo("/echo/environment");

    assertEquals(DYNAMO.tableName("ProductsTable"), answer.get("tableName").asText());
    assertEquals("hello, us-east-1", answer.get("greeting").asText());
    assertEquals("EchoFunction", answer.get("lambdaFunctionName").asText());
  }

  @Test
  void theContextCarriesTheFunctionsNameMemoryAndTimeout() throws IOException {
    JsonNode answer = echo("/echo/context");

    assertEquals("EchoFunction", answer.get("functionName").asText());
    assertEquals(256, answer.get("memoryLimitInMB").asInt());
    int remaining = answer.get("remainingTimeInMillis").asInt();
    assertTrue(
        remaining > 0 && remaining <= 1000, "Timeout: 1 leaves at most 1 s, had " + remaining);
    assertNotEquals(
        answer.get("event").get("requestContext").get("requestId").asText(),
        answer.get("awsRequestId").asText(),
        "Lambda's request id is not API Gateway's");
  }

  @Test
  void eachFunctionRunsInAClassLoaderOfItsOwnOnAThreadOfItsInstance() throws IOException {
    JsonNode answer = echo("/echo/loader");

    assertEquals("EchoFunction", answer.get("classLoader").asText());
    assertTrue(
        answer.get("thread").asText().startsWith("EchoFunction#"), answer.get("thread")::asText);
  }

  @Test
  void theTemplatesProductsFunctionsWorkAlongside() {
    HttpResponse<String> created =
        Requests.send(
            Requests.asAdmin(api, "/products")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(SampleProducts.minimal("local").toString())));
    assertEquals(201, created.statusCode(), created::body);

    String location = created.headers().firstValue("Location").orElseThrow();
    assertEquals(200, Requests.send(Requests.to(api, location)).statusCode());
  }
}

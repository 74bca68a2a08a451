package dev.catalog.local.events.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.local.CapturedConsole;
import dev.catalog.local.Requests;
import dev.catalog.template.Route;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.SampleProducts;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route of template.yaml answers over real HTTP from its own function (the contract itself runs over HTTP in
 * the {@code contract-over-http} execution): a request the route accepts gets the function's success status, with
 * the CORS headers the functions add.
 */
class TemplateRoutesTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final String ID = "routes-product";

  /** What a successful call of each route answers, with the product {@link #ID} in place. */
  static final Map<String, Integer> SUCCESS =
      Map.of(
          "POST /products",
          201,
          "GET /products",
          200,
          "HEAD /products",
          200,
          "HEAD /products/{id}",
          200,
          "OPTIONS /products",
          204,
          "GET /products/{id}",
          200,
          "PUT /products/{id}",
          200,
          "PATCH /products/{id}",
          200,
          "OPTIONS /products/{id}",
          204,
          "DELETE /products/{id}",
          204);

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

  @TestFactory
  Stream<DynamicTest> everyRouteIsServedByItsFunction() {
    // DELETE last, so the product is there for the others.
    return DYNAMO.template().routes().keySet().stream()
        .sorted((a, b) -> Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")))
        .map(
            route ->
                DynamicTest.dynamicTest(
                    route.toString(),
                    () -> {
                      HttpResponse<String> response = call(route);
                      assertEquals(
                          SUCCESS.get(route.toString()), response.statusCode(), response::body);
                      // ALLOWED_ORIGINS is the template's "*": every answer to a cross-origin
                      // request carries CORS headers.
                      assertEquals(
                          "*",
                          response.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                          route::toString);
                    }));
  }

  static HttpResponse<String> call(Route route) {
    Requests.send(
        Requests.asAdmin(api, "/products/" + ID)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(SampleProducts.minimal("routes").toString())));
    String path = route.path().replace("{id}", ID);
    String body =
        switch (route.method()) {
          case "POST", "PUT" -> SampleProducts.full("routes").toString();
          case "PATCH" -> "{\"stock\": 7}";
          default -> null;
        };
    var request =
        Requests.asAdmin(api, path)
            .method(
                route.method(),
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (body != null) {
      request.header(
          "Content-Type",
          route.method().equals("PATCH") ? "application/merge-patch+json" : "application/json");
    }
    request.header("Origin", "https://shop.example.com");
    if (route.method().equals("OPTIONS")) {
      request.header("Access-Control-Request-Method", "PUT");
    }
    return Requests.send(request);
  }
}

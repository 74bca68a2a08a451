package dev.catalog.http;

import static dev.catalog.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.events.http.ProxyEvents;
import dev.catalog.products.CreateProductHandler;
import dev.catalog.products.DeleteProductHandler;
import dev.catalog.products.GetProductHandler;
import dev.catalog.products.ListProductsHandler;
import dev.catalog.products.PageCursor;
import dev.catalog.products.PatchProductHandler;
import dev.catalog.products.ProductsContext;
import dev.catalog.products.PutProductHandler;
import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every error is an RFC 9457 problem ({@code application/problem+json} with type, title, status and detail):
 * validation lists every failing field, 415 says what is accepted, an unexpected failure is a 500 that the client
 * can quote and the log can find, and a path no route serves gets API Gateway's own answer.
 */
class ProblemResponsesTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final ObjectMapper MAPPER = new ObjectMapper();

  static String id;
  static final String REUSED_KEY = UUID.randomUUID().toString();

  @BeforeAll
  static void createProduct() {
    id = API.post("/products").json(SampleProducts.full("problems").toString()).send().createdId();
    API.post("/products")
        .header("Idempotency-Key", REUSED_KEY)
        .json(SampleProducts.full("problems").toString())
        .send();
  }

  record Failing(int status, ApiCall call) {}

  @Test
  void everyErrorOnEveryRouteIsAProblemWhoseStatusIsTheResponseStatus() {
    String product = SampleProducts.full("problems").toString();
    List<Failing> failing =
        List.of(
            new Failing(400, API.post("/products").json("{")),
            new Failing(400, API.post("/products").json("{}")),
            new Failing(
                400, API.post("/products").header("Idempotency-Key", "has space").json(product)),
            new Failing(413, API.post("/products").json("[" + "1,".repeat(40_000) + "1]")),
            new Failing(
                415, API.post("/products").header("Content-Type", "text/plain").body(product)),
            new Failing(
                422,
                API.post("/products")
                    .header("Idempotency-Key", REUSED_KEY)
                    .json(SampleProducts.minimal("problems").toString())),
            new Failing(400, API.get("/products?limit=0")),
            new Failing(400, API.get("/products?cursor=forged")),
            new Failing(400, API.get("/products/a%20b")),
            new Failing(400, API.get("/products/" + id).header("If-None-Match", "1")),
            new Failing(404, API.get("/products/no-such-product")),
            new Failing(
                400, API.put("/products/" + id).json(product.replace("{", "{\"id\":\"other\","))),
            new Failing(412, API.put("/products/" + id).header("If-Match", "\"99\"").json(product)),
            new Failing(412, API.put("/products/" + id).header("If-None-Match", "*").json(product)),
            new Failing(415, API.put("/products/" + id).body(product)),
            new Failing(400, API.patch("/products/" + id).mergePatch("{\"price\":-1}")),
            new Failing(404, API.patch("/products/no-such-product").mergePatch("{\"stock\":1}")),
            new Failing(
                412,
                API.patch("/products/" + id)
                    .header("If-Match", "\"99\"")
                    .mergePatch("{\"stock\":1}")),
            new Failing(415, API.patch("/products/" + id).json("{\"stock\":1}")),
            new Failing(400, API.delete("/products/..")),
            new Failing(404, API.delete("/products/no-such-product")),
            new Failing(412, API.delete("/products/" + id).header("If-Match", "\"99\"")));
    for (Failing expected : failing) {
      ApiCall call = expected.call();
      String what = call.method() + " " + call.pathAndQuery();
      JsonNode problem = assertProblem(expected.status(), call.send(), what);
      assertEquals(call.pathAndQuery().split("\\?")[0], problem.path("instance").asText(), what);
    }
  }

  /** A product with every field wrong (the price in two ways, the tags in three) and one it does not have. */
  static ObjectNode productWithEveryFieldWrong() {
    ObjectNode product = MAPPER.createObjectNode();
    product.put("name", "   ");
    product.put("description", "d".repeat(4001));
    product.put("price", new BigDecimal("-1.999"));
    product.put("currency", "usd");
    product.put("category", "c".repeat(65));
    product.putArray("tags").add("a").add("a").add(" ").add("t".repeat(33));
    product.put("stock", -1);
    product.put("colour", "red");
    return product;
  }

  static final List<String> EVERY_FIELD_WRONG =
      List.of(
          "name",
          "description",
          "price",
          "currency",
          "category",
          "tags",
          "tags[2]",
          "tags[3]",
          "stock",
          "colour");

  @Test
  void aValidationErrorListsEveryFailingFieldOnEveryWriteRoute() {
    String body = productWithEveryFieldWrong().toString();
    for (ApiCall call :
        List.of(
            API.post("/products").json(body),
            API.put("/products/" + id).json(body),
            API.patch("/products/" + id).mergePatch(body))) {
      String what = call.method() + " " + call.pathAndQuery();
      JsonNode problem = assertProblem(400, call.send(), what);
      assertEquals(
          "urn:products-api:problem:validation-failed", problem.get("type").asText(), what);
      List<String> fields = new ArrayList<>();
      for (JsonNode error : problem.get("errors")) {
        fields.add(error.get("field").asText());
        assertFalse(error.path("message").asText().isBlank(), () -> what + ": " + error);
      }
      assertTrue(fields.containsAll(EVERY_FIELD_WRONG), () -> what + ": " + fields);
      assertTrue(EVERY_FIELD_WRONG.containsAll(fields), () -> what + ": " + fields);
      assertEquals(
          2,
          fields.stream().filter("price"::equals).count(),
          () -> what + ": below 0 and 3 decimals");
      assertEquals(
          EVERY_FIELD_WRONG.size() + " fields are invalid.", problem.get("detail").asText(), what);
    }
  }

  @Test
  void aValidationErrorListsEveryFieldOfTheWrongJsonType() {
    String body =
        "{\"name\":1,\"description\":{},\"price\":\"12\",\"currency\":false,\"category\":[],"
            + "\"tags\":[\"ok\",2,null],\"stock\":1.5}";
    JsonNode problem = assertProblem(400, API.post("/products").json(body).send(), body);
    List<String> fields = problem.get("errors").findValuesAsText("field");
    assertEquals(
        List.of(
            "name", "description", "price", "currency", "category", "tags[1]", "tags[2]", "stock"),
        fields);
  }

  @Test
  void aFieldWithTwoProblemsCountsAsOneInvalidField() {
    JsonNode problem =
        assertProblem(
            400,
            API.patch("/products/" + id).mergePatch("{\"price\":-1.999}").send(),
            "price -1.999");
    assertEquals(2, problem.get("errors").size());
    assertEquals("1 field is invalid.", problem.get("detail").asText());
  }

  @Test
  void aWrongContentTypeIs415NamingWhatEachRouteAccepts() {
    String product = SampleProducts.full("problems").toString();
    List<ApiCall> posts =
        List.of(
            API.post("/products").header("Content-Type", "text/plain").body(product),
            API.post("/products").body(product),
            API.post("/products")
                .header("Content-Type", "application/json; charset=iso-8859-1")
                .body(product),
            API.post("/products").mergePatch(product));
    for (ApiCall post : posts) {
      ApiResult refused = post.send();
      assertProblem(415, refused, "POST " + post.headers());
      assertEquals("application/json", refused.header("Accept-Post"));
    }
    ApiResult put =
        API.put("/products/" + id)
            .header("Content-Type", "application/xml")
            .body("<product/>")
            .send();
    assertProblem(415, put, "PUT application/xml");
    assertEquals("application/json", put.header("Accept"));
    for (String type : List.of("application/json", "application/json-patch+json", "text/plain")) {
      ApiResult patch =
          API.patch("/products/" + id).header("Content-Type", type).body("{\"stock\":1}").send();
      assertProblem(415, patch, "PATCH " + type);
      assertEquals("application/merge-patch+json", patch.header("Accept-Patch"));
    }
  }

  @Test
  void aPathOrMethodNoRouteServesGetsTheTemplatesNoRouteProblemWithCors() {
    List<ApiCall> unrouted =
        List.of(
            API.get("/"),
            API.get("/nothing"),
            API.get("/products/" + id + "/x"),
            API.delete("/products"),
            API.put("/products"),
            API.patch("/products"),
            API.post("/products/" + id).json("{}"),
            API.call("HEAD", "/Products"),
            API.get("/Products"));
    for (ApiCall call : unrouted) {
      ApiResult result = call.header("Origin", "https://shop.example.com").send();
      String what = call.method() + " " + call.pathAndQuery();
      if (call.method().equals("HEAD")) {
        assertEquals(403, result.status(), what);
        continue;
      }
      JsonNode problem = assertProblem(403, result, what);
      assertEquals("urn:products-api:problem:no-route", problem.path("type").asText());
      assertEquals("Missing Authentication Token", problem.path("detail").asText());
      assertEquals("*", result.header("Access-Control-Allow-Origin"), what);
    }
  }

  /** The route's handler on a context whose products table does not exist: every call fails unexpectedly. */
  static List<Map.Entry<ApiHandler, APIGatewayProxyRequestEvent>> brokenRoutes() {
    ProductsContext base = API.context();
    ProductsContext broken =
        ProductsContext.create(
            API.dynamo().client(),
            "no-such-table",
            API.dynamo().tableName("IdempotencyTable"),
            base.cors(),
            base.clock());
    String product = SampleProducts.full("problems").toString();
    List<Map.Entry<String, String>> json = List.of(Map.entry("Content-Type", "application/json"));
    List<Map.Entry<String, String>> keyed =
        List.of(
            Map.entry("Content-Type", "application/json"),
            Map.entry("Idempotency-Key", UUID.randomUUID().toString()));
    List<Map.Entry<String, String>> patch =
        List.of(Map.entry("Content-Type", "application/merge-patch+json"));
    byte[] body = product.getBytes(StandardCharsets.UTF_8);
    Map<String, String> idParameter = Map.of("id", "p1");
    return List.of(
        Map.entry(
            new GetProductHandler(broken),
            ProxyEvents.of("GET", "/products/{id}", "/products/p1", idParameter, List.of(), null)),
        Map.entry(
            new ListProductsHandler(broken, new PageCursor("a-signing-key")),
            ProxyEvents.of("GET", "/products", "/products", Map.of(), List.of(), null)),
        Map.entry(
            new CreateProductHandler(broken),
            ProxyEvents.asAdmin(
                ProxyEvents.of("POST", "/products", "/products", Map.of(), json, body))),
        Map.entry(
            new CreateProductHandler(broken),
            ProxyEvents.asAdmin(
                ProxyEvents.of("POST", "/products", "/products", Map.of(), keyed, body))),
        Map.entry(
            new PutProductHandler(broken),
            ProxyEvents.asAdmin(
                ProxyEvents.of("PUT", "/products/{id}", "/products/p1", idParameter, json, body))),
        Map.entry(
            new PatchProductHandler(broken),
            ProxyEvents.asAdmin(
                ProxyEvents.of(
                    "PATCH",
                    "/products/{id}",
                    "/products/p1",
                    idParameter,
                    patch,
                    "{\"stock\":1}".getBytes(StandardCharsets.UTF_8)))),
        Map.entry(
            new DeleteProductHandler(broken),
            ProxyEvents.asAdmin(
                ProxyEvents.of(
                    "DELETE", "/products/{id}", "/products/p1", idParameter, List.of(), null))));
  }

  @Test
  void anUnexpectedFailureIsA500ProblemWithTheRequestIdThatTheLogLineCarries() throws IOException {
    for (var route : brokenRoutes()) {
      APIGatewayProxyRequestEvent event = route.getValue();
      String what = event.getHttpMethod() + " " + event.getPath();
      String requestId = event.getRequestContext().getRequestId();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      PrintStream original = System.out;
      APIGatewayProxyResponseEvent response;
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      try {
        response = route.getKey().serve(event, null);
      } finally {
        System.setOut(original);
      }

      ApiResult result = ApiResult.of(response);
      JsonNode problem = assertProblem(500, result, what);
      assertEquals("urn:products-api:problem:internal-error", problem.get("type").asText(), what);
      assertEquals(requestId, problem.get("requestId").asText(), what);
      assertTrue(problem.get("detail").asText().contains(requestId), what);
      assertFalse(result.body().contains("no-such-table"), () -> what + ": " + result.body());

      List<String> lines =
          stdout
              .toString(StandardCharsets.UTF_8)
              .lines()
              .filter(l -> l.contains(requestId) && !l.contains("\"message\":\"request\""))
              .toList();
      assertEquals(1, lines.size(), () -> what + ": " + stdout);
      JsonNode log = MAPPER.readTree(lines.get(0));
      assertEquals("ERROR", log.get("level").asText(), what);
      assertEquals(requestId, log.get("requestId").asText(), what);
      assertTrue(log.get("stackTrace").asText().contains("ResourceNotFoundException"), what);
    }
  }
}

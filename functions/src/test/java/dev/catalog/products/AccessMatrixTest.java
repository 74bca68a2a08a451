package dev.catalog.products;

import static dev.catalog.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.Role;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.StoredState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access matrix, cell by cell: every role on every route. Reads are open to all; a refused write is a 401
 * (anonymous: API Gateway's authorizer, before any function) or a 403 (the function, from the claims), each
 * problem+json with CORS headers, and leaves both tables and the product exactly as they were.
 */
class AccessMatrixTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  private static final String ORIGIN = "https://shop.example.com";

  record Cell(String route, Function<String, ApiCall> call, int allowedStatus) {
    @Override
    public String toString() {
      return route;
    }
  }

  static Stream<Arguments> cells() {
    List<Cell> routes =
        List.of(
            new Cell("GET /products", id -> API.get("/products"), 200),
            new Cell("GET /products/{id}", id -> API.get("/products/" + id), 200),
            new Cell(
                "POST /products",
                id -> API.post("/products").json(SampleProducts.minimal("lamps").toString()),
                201),
            new Cell(
                "PUT /products/{id}",
                id ->
                    API.put("/products/" + id)
                        .json(SampleProducts.minimal("lamps").put("stock", 9).toString()),
                200),
            new Cell(
                "PATCH /products/{id}",
                id -> API.patch("/products/" + id).mergePatch("{\"stock\": 7}"),
                200),
            new Cell("DELETE /products/{id}", id -> API.delete("/products/" + id), 204));
    List<Arguments> cells = new ArrayList<>();
    for (Role role : Role.values()) {
      routes.forEach(cell -> cells.add(Arguments.of(role, cell)));
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cells")
  void eachRoleGetsItsCellOfTheMatrixAndARefusalChangesNothing(Role role, Cell cell) {
    String id =
        API.post("/products")
            .as(Role.ADMIN)
            .json(SampleProducts.minimal("lamps").toString())
            .send()
            .createdId();
    StoredState before = StoredState.of(API, id);
    String method = cell.route().split(" ")[0];

    ApiResult result = cell.call().apply(id).as(role).header("Origin", ORIGIN).send();

    if (role.may(method)) {
      assertEquals(cell.allowedStatus(), result.status(), () -> role + " " + cell + ": " + result);
      return;
    }
    int status = role == Role.ANONYMOUS ? 401 : 403;
    JsonNode problem = assertProblem(status, result, role + " " + cell);
    assertEquals(
        "urn:products-api:problem:" + (status == 401 ? "unauthorized" : "forbidden"),
        problem.path("type").asText());
    assertEquals("*", result.header("Access-Control-Allow-Origin"), () -> "CORS on " + result);
    assertEquals(before, StoredState.of(API, id), "a refused request changes nothing");
  }
}

package dev.catalog.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.TemplateFixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
  private static final SamTemplate TEMPLATE = SamTemplate.load(TemplateFixtures.PRODUCTS_API);

  @Test
  void readsEveryFunctionWithItsHandlerClassAndMethod() {
    assertEquals(
        List.of(
            "CreateProductFunction",
            "ListProductsFunction",
            "GetProductFunction",
            "PutProductFunction",
            "PatchProductFunction",
            "DeleteProductFunction",
            "PreflightFunction"),
        List.copyOf(TEMPLATE.functions().keySet()));
    FunctionDef get = TEMPLATE.function("GetProductFunction");
    assertEquals("dev.catalog.products.GetProductHandler", get.handlerClass());
    assertEquals("handleRequest", get.handlerMethod());
    assertEquals("dev.catalog.products.GetProductHandler::handleRequest", get.handler());
  }

  @Test
  void globalsApplyUnlessTheFunctionSetsItsOwn() {
    FunctionDef list = TEMPLATE.function("ListProductsFunction");
    assertEquals("java21", list.runtime());
    assertEquals(10, list.timeoutSeconds());
    assertEquals(1024, list.memorySizeMb());
    assertEquals(512, TEMPLATE.function("GetProductFunction").memorySizeMb());
  }

  @Test
  void functionEnvironmentIsGlobalsThenItsOwnWithIntrinsicsUnresolved() {
    Map<String, Object> environment = TEMPLATE.function("PreflightFunction").environment();
    assertEquals(
        List.of(
            "PRODUCTS_TABLE",
            "IDEMPOTENCY_TABLE",
            "ALLOWED_ORIGINS",
            "CURSOR_SIGNING_KEY",
            "JAVA_TOOL_OPTIONS",
            "PREFLIGHT_MAX_AGE"),
        List.copyOf(environment.keySet()));
    assertEquals(new Intrinsic("Ref", "ProductsTable"), environment.get("PRODUCTS_TABLE"));
    assertEquals("600", environment.get("PREFLIGHT_MAX_AGE"));
    assertEquals(
        TEMPLATE.globalEnvironment().keySet(),
        TEMPLATE.function("GetProductFunction").environment().keySet());
  }

  @Test
  void routesComeFromApiEventsOrderedMostSpecificFirst() {
    Map<Route, FunctionDef> routes = TEMPLATE.routes();
    assertEquals(
        List.of(
            "DELETE /products/{id}",
            "GET /products/{id}",
            "OPTIONS /products/{id}",
            "PATCH /products/{id}",
            "PUT /products/{id}",
            "GET /products",
            "OPTIONS /products",
            "POST /products"),
        routes.keySet().stream().map(Route::toString).toList());
    assertEquals(
        "PreflightFunction", routes.get(new Route("OPTIONS", "/products/{id}")).logicalId());
    assertEquals("CreateProductFunction", routes.get(new Route("post", "/products")).logicalId());
    assertEquals(List.of("id"), new Route("GET", "/products/{id}").pathParameters());
  }

  @Test
  void parametersKeepTypeAndDefault() {
    assertEquals(
        new Parameter("StageName", "String", Optional.of("v1")),
        TEMPLATE.parameters().get("StageName"));
    assertEquals(Optional.of("*"), TEMPLATE.parameters().get("AllowedOrigins").defaultValue());
  }

  @Test
  void tablesAndOtherResourcesAreKnownByLogicalId() {
    assertEquals(
        List.of("ProductsTable", "IdempotencyTable"), List.copyOf(TEMPLATE.tables().keySet()));
    assertEquals(Resource.SECRET, TEMPLATE.resources().get("CursorSigningSecret").type());
    TableDef products = TEMPLATE.table("ProductsTable");
    assertEquals(new TableDef.Key("id", Optional.empty()), products.key());
    assertEquals("byCategory", products.globalIndexes().getFirst().name());
    assertEquals(Optional.of("expiresAt"), TEMPLATE.table("IdempotencyTable").ttlAttribute());
  }

  @Test
  void askingForAnUnknownFunctionNamesTheFileAndTheFunctionsThereAre() {
    var error = assertThrows(TemplateException.class, () -> TEMPLATE.function("NopeFunction"));
    assertTrue(error.getMessage().contains("products-api.yaml"), error.getMessage());
    assertTrue(error.getMessage().contains("'NopeFunction'"), error.getMessage());
    assertTrue(error.getMessage().contains("GetProductFunction"), error.getMessage());
  }
}

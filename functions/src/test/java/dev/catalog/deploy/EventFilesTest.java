package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.http.Cors;
import dev.catalog.http.PreflightHandler;
import dev.catalog.http.RouteMethods;
import dev.catalog.local.lambda.LambdaJson;
import dev.catalog.products.CreateProductHandler;
import dev.catalog.products.DeleteProductHandler;
import dev.catalog.products.GetProductHandler;
import dev.catalog.products.ListProductsHandler;
import dev.catalog.products.PageCursor;
import dev.catalog.products.PatchProductHandler;
import dev.catalog.products.PutProductHandler;
import dev.catalog.testing.ProductsApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events in events/ (what {@code sam local invoke -e} sends) drive each handler in a realistic order: the PUT
 * event creates the product the others then read, patch, list and delete.
 */
class EventFilesTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Hands the file's bytes to the handler's stream interface, as Lambda hands it the event. */
  static APIGatewayProxyResponseEvent invoke(RequestStreamHandler handler, String function)
      throws IOException {
    var out = new ByteArrayOutputStream();
    try (InputStream event = Files.newInputStream(Path.of("events", function + ".json"))) {
      handler.handleRequest(event, out, null);
    }
    return LambdaJson.response(out.toByteArray());
  }

  @Test
  void eachFunctionAnswersItsEventFileAsDocumented() throws IOException {
    var context = API.context();
    assertEquals(201, invoke(new PutProductHandler(context), "PutProductFunction").getStatusCode());
    assertEquals(200, invoke(new GetProductHandler(context), "GetProductFunction").getStatusCode());
    assertEquals(
        200, invoke(new PatchProductHandler(context), "PatchProductFunction").getStatusCode());
    var cursors =
        new PageCursor(API.dynamo().environment("ListProductsFunction").get("CURSOR_SIGNING_KEY"));
    var list = invoke(new ListProductsHandler(context, cursors), "ListProductsFunction");
    assertEquals(200, list.getStatusCode());
    assertEquals(1, MAPPER.readTree(list.getBody()).get("items").size(), list.getBody());
    assertEquals(
        201, invoke(new CreateProductHandler(context), "CreateProductFunction").getStatusCode());
    var preflight =
        invoke(
            new PreflightHandler(
                new Cors("https://shop.example.com"),
                RouteMethods.parse(
                    API.dynamo().environment("PreflightFunction").get("ROUTE_METHODS"))),
            "PreflightFunction");
    assertEquals(204, preflight.getStatusCode());
    assertEquals(
        "https://shop.example.com", preflight.getHeaders().get("Access-Control-Allow-Origin"));
    assertEquals(
        204, invoke(new DeleteProductHandler(context), "DeleteProductFunction").getStatusCode());
    assertEquals(404, invoke(new GetProductHandler(context), "GetProductFunction").getStatusCode());
  }
}

package dev.catalog.http;

import static dev.catalog.http.ProxyEvents.event;
import static dev.catalog.http.ProxyEvents.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.kernel.HttpError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode parse(String json) throws Exception {
    return MAPPER.readTree(json);
  }

  /**
   * Runs {@code handle} behind the real ApiHandler, returning the response and what it printed to stdout besides the
   * request line every request gets (see RequestTelemetryTest).
   */
  private record Run(APIGatewayProxyResponseEvent response, String stdout) {}

  private static Run run(Function<ApiRequest, ApiResponse> handle) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      var response = handler(new Cors("*"), handle).serve(event("PUT", "/products/p-1"), null);
      return new Run(
          response,
          captured
              .toString(StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.contains("\"message\":\"request\""))
              .map(line -> line + "\n")
              .collect(Collectors.joining()));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void validationErrorIsProblemJsonWithEveryFieldError() throws Exception {
    HttpError error =
        HttpError.validation(
            List.of(
                new HttpError.FieldError("name", "is required"),
                new HttpError.FieldError("tags[2]", "must not be blank")));
    ApiResponse response = Problems.render(error.problem(), "/products/p-1");
    assertEquals(400, response.status());
    assertEquals("application/problem+json", response.header("Content-Type"));
    assertEquals(
        parse(
            """
        {"type": "urn:products-api:problem:validation-failed", "title": "The request is invalid", "status": 400,
         "detail": "2 fields are invalid.", "instance": "/products/p-1",
         "errors": [{"field": "name", "message": "is required"}, {"field": "tags[2]", "message": "must not be blank"}]}
        """),
        parse(response.body()));
  }

  @Test
  void problemWithoutFieldErrorsHasNoErrorsMemberAndKeepsItsHeaders() throws Exception {
    ApiResponse response =
        Problems.render(
            HttpError.unsupportedMediaType(
                    "Send the body as application/json.", "Accept-Post", "application/json")
                .problem(),
            "/products");
    assertEquals(415, response.status());
    assertEquals("application/json", response.header("Accept-Post"));
    JsonNode body = parse(response.body());
    assertEquals(List.of("type", "title", "status", "detail", "instance"), fieldNames(body));
    assertEquals(415, body.get("status").intValue());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void problemWithoutAnInstanceOmitsIt() throws Exception {
    assertNull(
        parse(Problems.render(HttpError.conflict("Busy.").problem(), null).body()).get("instance"));
  }

  @Test
  void detailIsEscapedAsJson() throws Exception {
    String detail = "Quote \" backslash \\ newline \n and 😀";
    assertEquals(
        detail,
        parse(Problems.render(HttpError.notFound(detail).problem(), "/x").body())
            .get("detail")
            .textValue());
  }

  @Test
  void httpErrorThrownByAHandlerKeepsItsStatusHeadersAndShape() throws Exception {
    Run run =
        run(
            request -> {
              throw HttpError.preconditionFailed("The product was changed by another request.");
            });
    assertEquals(412, run.response().getStatusCode());
    assertEquals("application/problem+json", run.response().getHeaders().get("Content-Type"));
    JsonNode body = parse(run.response().getBody());
    assertEquals("urn:products-api:problem:precondition-failed", body.get("type").textValue());
    assertEquals(
        "/v1/products/p-1",
        body.get("instance").textValue(),
        "the path the client called, stage included");
    assertEquals("", run.stdout(), "a client error is not logged as a failure");
  }

  @Test
  void unexpectedExceptionIsA500WithTheRequestIdAndNothingInternal() throws Exception {
    Run run =
        run(
            request -> {
              throw new IllegalStateException("password=hunter2 at table products-prod");
            });
    assertEquals(500, run.response().getStatusCode());
    assertEquals("application/problem+json", run.response().getHeaders().get("Content-Type"));
    String text = run.response().getBody();
    JsonNode body = parse(text);
    assertEquals("urn:products-api:problem:internal-error", body.get("type").textValue());
    assertEquals(500, body.get("status").intValue());
    assertEquals(ProxyEvents.REQUEST_ID, body.get("requestId").textValue());
    assertTrue(body.get("detail").textValue().contains(ProxyEvents.REQUEST_ID));
    assertEquals(
        "/v1/products/p-1",
        body.get("instance").textValue(),
        "the path the client called, stage included");
    for (String leak : List.of("Exception", "java.", "hunter2", "products-prod", "\tat ")) {
      assertFalse(text.contains(leak), () -> "the body leaks '" + leak + "': " + text);
    }
  }

  @Test
  void unexpectedExceptionIsLoggedAsOneJsonLineWithTheSameRequestIdAndTheStackTrace()
      throws Exception {
    Run run =
        run(
            request -> {
              throw new IllegalStateException("boom");
            });
    String[] lines = run.stdout().strip().split("\n");
    assertEquals(1, lines.length, run.stdout());
    JsonNode log = parse(lines[0]);
    assertEquals("ERROR", log.get("level").textValue());
    assertEquals(ProxyEvents.REQUEST_ID, log.get("requestId").textValue());
    assertEquals(parse(run.response().getBody()).get("requestId"), log.get("requestId"));
    assertEquals("java.lang.IllegalStateException: boom", log.get("error").textValue());
    assertTrue(
        log.get("stackTrace").textValue().contains("ProblemsTest"),
        "the stack trace names the thrower");
  }
}

package dev.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.http.Cors;
import dev.catalog.http.ProxyEvents;
import dev.catalog.kernel.HttpError;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.WebSocketEvents;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * A failure is answered the same way by a REST function and a feed function: the same status and the same problem
 * (the REST body, the {@code problem} of the feed's error reply), logged the same way. Only where the problem sits
 * differs, and its {@code instance}: the path the client called, or the route key.
 */
class FailureRepliesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A feed route whose work is to throw {@code failure}. */
  private static FeedHandler failing(Supplier<RuntimeException> failure) {
    return new FeedHandler() {
      @Override
      protected FeedReply handle(WebSocketEvent event) {
        throw failure.get();
      }
    };
  }

  /** What a function answered and logged: its status, its problem without {@code instance}, its log lines. */
  private record Answer(int status, ObjectNode problem, String instance, List<JsonNode> logged) {}

  private static List<JsonNode> logged(CapturedOutput output, String requestId) throws Exception {
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : output.lines()) {
      if (line.startsWith("{")
          && line.contains(requestId)
          && !line.contains("\"message\":\"request\"")) {
        JsonNode json = MAPPER.readTree(line);
        ((ObjectNode) json).remove(List.of("timestamp", "requestId"));
        lines.add(json);
      }
    }
    return lines;
  }

  private static Answer rest(Supplier<RuntimeException> failure) throws Exception {
    APIGatewayProxyResponseEvent response;
    List<JsonNode> logged;
    try (CapturedOutput output = CapturedOutput.start()) {
      response =
          ProxyEvents.handler(
                  new Cors("*"),
                  request -> {
                    throw failure.get();
                  })
              .serve(ProxyEvents.event("PUT", "/products/p-1"), null);
      logged = logged(output, ProxyEvents.REQUEST_ID);
    }
    assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
    ObjectNode problem = (ObjectNode) MAPPER.readTree(response.getBody());
    return new Answer(
        response.getStatusCode(), problem, problem.remove("instance").asText(), logged);
  }

  private static Answer feed(Supplier<RuntimeException> failure) throws Exception {
    WebSocketEvents event = WebSocketEvents.message("subscribe", "conn-1=", Instant.now(), "{}");
    String requestId =
        MAPPER.readTree(event.json()).path("requestContext").path("requestId").asText();
    WebSocketEvents.Reply reply;
    List<JsonNode> logged;
    try (CapturedOutput output = CapturedOutput.start()) {
      reply = event.invoke(failing(failure));
      logged = logged(output, requestId);
    }
    JsonNode body = reply.json();
    assertEquals("error", body.path("type").asText(), reply.body());
    assertEquals(List.of("type", "problem"), names(body));
    // The request id differs between the two events; the problem quotes it, so it is put in REST's
    // terms.
    ObjectNode problem =
        (ObjectNode)
            MAPPER.readTree(
                body.get("problem").toString().replace(requestId, ProxyEvents.REQUEST_ID));
    return new Answer(reply.statusCode(), problem, problem.remove("instance").asText(), logged);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static ProvisionedThroughputExceededException throttled() {
    return ProvisionedThroughputExceededException.builder()
        .message("Rate exceeded")
        .statusCode(400)
        .numAttempts(4)
        .awsErrorDetails(
            AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
        .build();
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "a client error", (Supplier<RuntimeException>) () -> HttpError.conflict("Busy.")),
        Arguments.of(
            "a validation error",
            (Supplier<RuntimeException>)
                () ->
                    HttpError.validation(
                        List.of(new HttpError.FieldError("categories[0]", "must not be blank")))),
        Arguments.of(
            "a 401", (Supplier<RuntimeException>) () -> HttpError.unauthorized("No token.")),
        Arguments.of(
            "DynamoDB throttling", (Supplier<RuntimeException>) FailureRepliesTest::throttled),
        Arguments.of(
            "a call timeout",
            (Supplier<RuntimeException>)
                () ->
                    ApiCallTimeoutException.builder()
                        .message("Client execution did not complete")
                        .numAttempts(3)
                        .build()),
        Arguments.of(
            "a missing table",
            (Supplier<RuntimeException>)
                () ->
                    ResourceNotFoundException.builder()
                        .message("Requested resource not found")
                        .statusCode(400)
                        .awsErrorDetails(
                            AwsErrorDetails.builder()
                                .errorCode("ResourceNotFoundException")
                                .build())
                        .build()),
        Arguments.of(
            "a DynamoDB 500 without error details",
            (Supplier<RuntimeException>)
                () ->
                    DynamoDbException.builder().message("Internal error").statusCode(500).build()),
        Arguments.of(
            "a DynamoDB 400 without error details",
            (Supplier<RuntimeException>)
                () -> DynamoDbException.builder().message("Bad request").statusCode(400).build()),
        Arguments.of(
            "a defect", (Supplier<RuntimeException>) () -> new IllegalStateException("boom")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aFailureIsTheSameProblemWithTheSameStatusAndLogOverRestAndTheFeed(
      String name, Supplier<RuntimeException> failure) throws Exception {
    Answer rest = rest(failure);
    Answer feed = feed(failure);
    assertEquals(rest.status(), feed.status());
    assertEquals(rest.problem(), feed.problem());
    assertEquals("/v1/products/p-1", rest.instance());
    assertEquals("subscribe", feed.instance());
    assertEquals(
        rest.logged().size(), feed.logged().size(), () -> rest.logged() + " / " + feed.logged());
    for (int i = 0; i < rest.logged().size(); i++) {
      ObjectNode restLine = (ObjectNode) rest.logged().get(i);
      ObjectNode feedLine = (ObjectNode) feed.logged().get(i);
      assertEquals(restLine.has("stackTrace"), feedLine.has("stackTrace"));
      restLine.remove("stackTrace");
      feedLine.remove("stackTrace");
      assertEquals(restLine, feedLine);
    }
  }

  @Test
  void aThrottledCallIsA503ReplyLoggedAsOneWarningWithoutStackTrace() throws Exception {
    Answer feed = feed(FailureRepliesTest::throttled);
    assertEquals(503, feed.status());
    assertEquals(
        MAPPER.readTree(
            """
        {"type": "urn:products-api:problem:storage-throttled", "title": "Storage throttled", "status": 503,
         "detail": "The database is throttling requests; nothing was written. Retry after the Retry-After delay."}
        """),
        feed.problem());
    assertEquals(1, feed.logged().size(), feed.logged()::toString);
    JsonNode line = feed.logged().getFirst();
    assertEquals("WARN", line.path("level").asText());
    assertEquals(
        "DynamoDB failed after 4 attempts; answered 503 storage-throttled",
        line.path("message").asText());
    assertFalse(line.has("stackTrace"), line::toString);
  }

  @Test
  void anUnexpectedFailureIsA500ReplyQuotingTheRequestIdAndLoggedWithItsStackTrace()
      throws Exception {
    Answer feed = feed(() -> new IllegalStateException("password=hunter2"));
    assertEquals(500, feed.status());
    assertEquals(
        MAPPER.readTree(
            """
        {"type": "urn:products-api:problem:internal-error", "title": "Internal server error", "status": 500,
         "detail": "The server could not complete the request. Quote request id %s when reporting it.",
         "requestId": "%s"}"""
                .formatted(ProxyEvents.REQUEST_ID, ProxyEvents.REQUEST_ID)),
        feed.problem());
    assertFalse(feed.problem().toString().contains("hunter2"));
    assertEquals(1, feed.logged().size(), feed.logged()::toString);
    JsonNode line = feed.logged().getFirst();
    assertEquals("ERROR", line.path("level").asText());
    assertEquals("Unexpected failure", line.path("message").asText());
    assertTrue(line.path("stackTrace").asText().contains("FailureRepliesTest"), line::toString);
  }

  @Test
  void aDynamoDbServerErrorWithoutErrorDetailsIsA503NotACrash() throws Exception {
    Answer feed =
        feed(() -> DynamoDbException.builder().message("Internal error").statusCode(500).build());
    assertEquals(503, feed.status());
    assertEquals(
        "urn:products-api:problem:storage-unavailable", feed.problem().path("type").asText());
  }

  @Test
  void aClientErrorIsNotLogged() throws Exception {
    assertEquals(List.of(), feed(() -> HttpError.notFound("No such connection.")).logged());
  }
}

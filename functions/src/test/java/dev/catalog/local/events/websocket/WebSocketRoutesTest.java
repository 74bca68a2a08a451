package dev.catalog.local.events.websocket;

import static dev.catalog.local.fixtures.SocketAuthorizerHandler.LOG_PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.CapturedConsole;
import dev.catalog.local.fixtures.SocketEventsHandler;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.TemplateFixtures;
import dev.catalog.testing.WebSocketClient;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The template's WebSocket routes over real WebSockets: {@code $connect} and its authorizer decide the handshake,
 * messages take the route their {@code action} names or {@code $default}, only a route with a route response
 * answers, and a failing function gets API Gateway's error message.
 */
class WebSocketRoutesTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(TemplateFixtures.path("websocket.yaml"));
  static final ObjectMapper JSON = new ObjectMapper();
  static final CapturedConsole CONSOLE = new CapturedConsole();
  static final SocketEvents EVENTS = new SocketEvents(CONSOLE);
  static LocalWebSocketApi ws;

  @BeforeAll
  static void start() {
    ws =
        LocalWebSocketApi.builder(TEMPLATE, TEMPLATE.resolver().build())
            .environment(id -> Map.of())
            .port(0)
            .console(CONSOLE.stream())
            .start();
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  static URI url(String query) {
    return URI.create(ws.url() + "/?" + query);
  }

  /** The status the handshake was refused with. */
  static int refusal(String query) {
    CompletionException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            CompletionException.class,
            () -> WebSocketClient.connect(url(query)).orTimeout(10, TimeUnit.SECONDS).join());
    assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused::toString);
    return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
  }

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void connectIsAcceptedWhenItsFunctionAnswers2xxAndRefusedWithItsStatusOtherwise()
      throws Exception {
    try (WebSocketClient accepted = WebSocketClient.open(url("token=allow&status=201"))) {
      accepted.send("{\"action\":\"echo\"}");
      assertEquals("echo", json(accepted.next()).path("routeKey").asText());
    }
    assertEquals(403, refusal("token=allow&status=403"));
    assertEquals(500, refusal("token=allow&fail=true"));
  }

  @Test
  void theAuthorizerRunsFirstAndItsContextReachesEveryEvent() throws Exception {
    try (WebSocketClient client = WebSocketClient.open(url("token=allow&marker=ctx"))) {
      client.send("{\"action\":\"echo\"}");
      JsonNode seen = json(client.next());
      assertEquals("user-1", seen.path("authorizer").path("principalId").asText());
      assertEquals("feed/read", seen.path("authorizer").path("scope").asText());
      JsonNode authorizerEvent =
          EVENTS.await(
              LOG_PREFIX,
              event -> event.path("queryStringParameters").path("marker").asText().equals("ctx"));
      assertEquals("REQUEST", authorizerEvent.path("type").asText());
      assertEquals(
          "arn:aws:execute-api:us-east-1:123456789012:local-SocketApi/test/$connect",
          authorizerEvent.path("methodArn").asText());
      JsonNode connect =
          EVENTS.await(
              SocketEventsHandler.LOG_PREFIX,
              event -> event.path("queryStringParameters").path("marker").asText().equals("ctx"));
      assertEquals(
          "user-1", connect.path("requestContext").path("authorizer").path("sub").asText());
    }
  }

  @Test
  void aMissingTokenIs401WithoutCallingTheAuthorizer() throws Exception {
    int before = EVENTS.all(LOG_PREFIX).size();
    assertEquals(401, refusal("marker=missing"));
    assertEquals(401, refusal("token=&marker=missing"));
    assertEquals(before, EVENTS.all(LOG_PREFIX).size());
  }

  @Test
  void unauthorizedIs401AndADenyOrAPolicyForElsewhereIs403AndABrokenAnswerIs500() {
    assertEquals(401, refusal("token=forged"));
    assertEquals(403, refusal("token=deny"));
    assertEquals(403, refusal("token=elsewhere"));
    assertEquals(500, refusal("token=broken"));
  }

  @Test
  void aMessageTakesTheRouteItsActionNamesElseDefault() throws Exception {
    try (WebSocketClient client = WebSocketClient.open(url("token=allow"))) {
      client.send("{\"action\":\"echo\",\"n\":1}");
      assertEquals("echo", json(client.next()).path("routeKey").asText());
      client.send("{\"action\":\"nothing-here\"}");
      assertEquals("$default", json(client.next()).path("routeKey").asText());
      client.send("not json");
      JsonNode fallback = json(client.next());
      assertEquals("$default", fallback.path("routeKey").asText());
      assertEquals("not json", fallback.path("body").asText());
      client.send("{\"action\":\"$connect\"}");
      assertEquals("$default", json(client.next()).path("routeKey").asText());
    }
  }

  @Test
  void onlyARouteWithARouteResponseAnswersTheClient() throws Exception {
    try (WebSocketClient client = WebSocketClient.open(url("token=allow&marker=silent"))) {
      client.send("{\"action\":\"silent\",\"n\":1}");
      client.send("{\"action\":\"echo\",\"n\":2}");
      // Messages of one connection are handled in order: the first answer is the echo's, so silent
      // sent none.
      assertEquals("{\"action\":\"echo\",\"n\":2}", json(client.next()).path("body").asText());
      EVENTS.await(
          SocketEventsHandler.LOG_PREFIX,
          event -> event.path("requestContext").path("routeKey").asText().equals("silent"));
    }
  }

  @Test
  void aFailingFunctionGetsApiGatewaysInternalServerErrorMessage() throws Exception {
    try (WebSocketClient client = WebSocketClient.open(url("token=allow"))) {
      client.send("{\"action\":\"echo\",\"fail\":true}");
      JsonNode error = json(client.next());
      assertEquals("Internal server error", error.path("message").asText());
      assertFalse(error.path("connectionId").asText().isEmpty());
      assertFalse(error.path("requestId").asText().isEmpty());
      assertEquals(3, error.size());
    }
  }

  @Test
  void eventsCarryWhatApiGatewaySends() throws Exception {
    try (WebSocketClient client =
        WebSocketClient.open(url("token=allow&category=a&category=b&marker=shape"))) {
      client.send("{\"action\":\"echo\",\"shape\":true}");
      String connectionId = json(client.next()).path("connectionId").asText();
      JsonNode connect =
          EVENTS.await(
              SocketEventsHandler.LOG_PREFIX,
              event -> event.path("queryStringParameters").path("marker").asText().equals("shape"));
      JsonNode context = connect.path("requestContext");
      assertEquals("$connect", context.path("routeKey").asText());
      assertEquals("CONNECT", context.path("eventType").asText());
      assertEquals(connectionId, context.path("connectionId").asText());
      assertEquals("test", context.path("stage").asText());
      assertEquals("local-SocketApi", context.path("apiId").asText());
      assertEquals("localhost", context.path("domainName").asText());
      assertEquals("127.0.0.1", context.path("identity").path("sourceIp").asText());
      assertTrue(context.path("connectedAt").isIntegralNumber());
      assertFalse(context.path("requestId").asText().isEmpty());
      assertEquals("b", connect.path("queryStringParameters").path("category").asText());
      assertEquals(
          "[\"a\",\"b\"]",
          connect.path("multiValueQueryStringParameters").path("category").toString());
      assertEquals("13", connect.path("headers").path("Sec-WebSocket-Version").asText());

      JsonNode message =
          EVENTS.await(
              SocketEventsHandler.LOG_PREFIX,
              event -> event.path("body").asText().contains("\"shape\""));
      assertEquals("MESSAGE", message.path("requestContext").path("eventType").asText());
      assertEquals("echo", message.path("requestContext").path("routeKey").asText());
      assertEquals(context.path("connectedAt"), message.path("requestContext").path("connectedAt"));
      assertFalse(message.path("requestContext").path("messageId").asText().isEmpty());
      assertFalse(message.path("isBase64Encoded").asBoolean());
    }
  }

  @Test
  void aBinaryFrameReachesNoRouteEvenNamingOneAndClosesTheConnectionWith1003SayingWhy()
      throws Exception {
    try (WebSocketClient client = WebSocketClient.open(url("token=allow"))) {
      client.send("{\"action\":\"echo\",\"n\":1}");
      String id = json(client.next()).path("connectionId").asText();
      client.sendBinary("{\"action\":\"echo\",\"n\":2}".getBytes(StandardCharsets.UTF_8));

      assertEquals(1003, client.closed().get(10, TimeUnit.SECONDS));
      assertEquals("Binary frames are not supported: send text frames", client.closeReason());
      assertNull(client.next(Duration.ofMillis(200)), "no reply: no route ran");
      JsonNode disconnect =
          EVENTS.await(
              SocketEventsHandler.LOG_PREFIX,
              event ->
                  event.path("requestContext").path("connectionId").asText().equals(id)
                      && event
                          .path("requestContext")
                          .path("eventType")
                          .asText()
                          .equals("DISCONNECT"));
      assertEquals(1003, disconnect.path("requestContext").path("disconnectStatusCode").asInt());
      List<JsonNode> messages =
          EVENTS.all(SocketEventsHandler.LOG_PREFIX).stream()
              .filter(
                  event ->
                      event.path("requestContext").path("connectionId").asText().equals(id)
                          && event
                              .path("requestContext")
                              .path("eventType")
                              .asText()
                              .equals("MESSAGE"))
              .toList();
      assertEquals(
          List.of("{\"action\":\"echo\",\"n\":1}"),
          messages.stream().map(event -> event.path("body").asText()).toList());
    }
  }
}

package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.dashboard.FeedClient;
import dev.catalog.local.fixtures.SocketAuthorizerHandler;
import dev.catalog.local.fixtures.SocketEventsHandler;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.TemplateFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;

/**
 * {@code ./mvnw -Plocal} serves a template's WebSocket API beside its REST API, names its URL in the ready line, gives
 * every function that declares {@code CONNECTIONS_ENDPOINT} the local {@code @connections} endpoint, and enforces
 * the functions' policies on it, a refusal shown on the console as for DynamoDB.
 */
class LocalWebSocketServicesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theWebSocketApiIsServedNamedInTheReadyLineAndItsEndpointGivenToTheFunctions()
      throws Exception {
    CapturedConsole out = new CapturedConsole();
    LocalOptions options =
        new LocalOptions(
            TemplateFixtures.path("websocket.yaml"), 0, null, null, 0, false, null, null);
    try (LocalServices services =
        LocalMain.start(options, out.stream(), new CapturedConsole().stream())) {
      assertNotNull(services, out::text);
      URI url = services.webSocket().url();
      assertTrue(
          out.readyLine()
              .startsWith(
                  "Local API ready on "
                      + services.api().url()
                      + ", WebSocket API on "
                      + url
                      + " (@connections on "
                      + services.webSocket().connectionsEndpoint()
                      + ")"),
          out::text);

      CompletableFuture<String> answer = new CompletableFuture<>();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(url + "/?token=allow"),
                  new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(
                        WebSocket webSocket, CharSequence data, boolean last) {
                      answer.complete(data.toString());
                      return null;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      socket.sendText("{\"action\":\"echo\"}", true);
      JsonNode seen = JSON.readTree(answer.get(10, TimeUnit.SECONDS));
      assertEquals(
          services.webSocket().connectionsEndpoint().toString(),
          seen.path("connectionsEndpoint").asText());

      try (ApiGatewayManagementApiClient postOnly =
          ApiGatewayManagementApiClient.builder()
              .endpointOverride(services.webSocket().connectionsEndpoint())
              .region(Region.US_EAST_1)
              .httpClient(UrlConnectionHttpClient.create())
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create("PostOnlyFunction", "local")))
              .build()) {
        String id = seen.path("connectionId").asText();
        assertEquals(
            403,
            assertThrows(
                    ApiGatewayManagementApiException.class,
                    () -> postOnly.deleteConnection(request -> request.connectionId(id)))
                .statusCode());
        assertTrue(
            out.lines().stream()
                .anyMatch(
                    line ->
                        line.startsWith(
                            "[PostOnlyFunction] AccessDeniedException:"
                                + " User: arn:aws:sts::123456789012:assumed-role/PostOnlyFunctionRole/PostOnlyFunction is not authorized"
                                + " to perform: execute-api:ManageConnections on resource: arn:aws:execute-api:us-east-1:123456789012:"
                                + "local-SocketApi/test/DELETE/@connections/"
                                + id)),
            out::text);
        postOnly.postToConnection(
            request -> request.connectionId(id).data(SdkBytes.fromUtf8String("still open")));
      }
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void withAuthenticationOffTheConnectAuthorizerIsNotRunAndEveryEventCarriesTheLocalAdministrator()
      throws Exception {
    CapturedConsole out = new CapturedConsole();
    LocalOptions options =
        new LocalOptions(
            TemplateFixtures.path("websocket.yaml"),
            0,
            null,
            null,
            0,
            false,
            null,
            null,
            true,
            null,
            false,
            null);
    try (LocalServices services = LocalServices.start(options, out.stream())) {
      CompletableFuture<String> answer = new CompletableFuture<>();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(services.webSocket().url() + "/"),
                  new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(
                        WebSocket webSocket, CharSequence data, boolean last) {
                      answer.complete(data.toString());
                      return null;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      socket.sendText("{\"action\":\"echo\"}", true);
      JsonNode seen = JSON.readTree(answer.get(10, TimeUnit.SECONDS));
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);

      JsonNode administrator =
          JSON.createObjectNode()
              .put("principalId", "local-auth-off")
              .put("sub", "local-auth-off")
              .put("clientId", "local-auth-off")
              .put("scope", "openid email")
              .put("groups", "catalog-admins");
      assertEquals(administrator, seen.path("authorizer"));
      JsonNode connect =
          out.lines().stream()
              .filter(line -> line.startsWith(SocketEventsHandler.LOG_PREFIX))
              .map(line -> read(line.substring(SocketEventsHandler.LOG_PREFIX.length())))
              .filter(
                  event ->
                      event.path("requestContext").path("eventType").asText().equals("CONNECT"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(out.text()));
      assertEquals(administrator, connect.path("requestContext").path("authorizer"));
      assertFalse(
          out.text().contains(SocketAuthorizerHandler.LOG_PREFIX),
          "the authorizer ran:\n" + out.text());
    }
  }

  @Test
  void withAuthenticationOffTheFeedTakesAConnectionWithoutATokenAndSendsItTheChangesOfItsCategory()
      throws Exception {
    Properties properties = new Properties();
    properties.setProperty("port", "0");
    properties.setProperty("local.warm", "false");
    properties.setProperty("local.auth", "off");
    String category = SampleProducts.uniqueCategory();
    try (LocalServices services =
            LocalServices.start(
                LocalOptions.from(properties, Map.of()), new CapturedConsole().stream());
        FeedClient feed = FeedClient.connect(services.webSocket().url(), null, category)) {
      HttpResponse<String> created =
          Requests.send(
              Requests.to(services.api(), "/products/auth-off-" + category)
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          SampleProducts.minimal(category).toString())));
      assertEquals(201, created.statusCode(), created::body);

      assertEquals(
          "local-auth-off",
          feed.awaitEvent("auth-off-" + category, 1)
              .message()
              .path("product")
              .path("createdBy")
              .asText());
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void invokeRunsAWebSocketFunctionWithAnEventFileAsLambdaPassesIt() throws Exception {
    CapturedConsole out = new CapturedConsole();
    CapturedConsole err = new CapturedConsole();
    LocalOptions options =
        new LocalOptions(
            TemplateFixtures.path("websocket.yaml"),
            0,
            null,
            null,
            0,
            false,
            "SocketEventsFunction",
            java.nio.file.Path.of("functions/src/test/resources/events/websocket-message.json"));

    int status = dev.catalog.local.LocalInvoke.run(options, out.stream(), err.stream());

    assertEquals(0, status, err::text);
    JsonNode response = JSON.readTree(out.text());
    assertEquals(200, response.path("statusCode").asInt(), out::text);
    JsonNode seen = JSON.readTree(response.path("body").asText());
    assertEquals("echo", seen.path("routeKey").asText());
    assertEquals("Jx1lTcYIoAMCJwQ=", seen.path("connectionId").asText());
    assertEquals("user-1", seen.path("authorizer").path("principalId").asText());
  }
}

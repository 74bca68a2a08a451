package dev.catalog.local.events.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.iam.ExecuteApiAccess;
import dev.catalog.local.iam.IamCall;
import dev.catalog.local.iam.LocalIam;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.TemplateFixtures;
import dev.catalog.testing.WebSocketClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/**
 * The {@code @connections} management API through the SDK's own client, as the fan-out function calls it: each
 * call signed by a function of the fixture template, whose policy decides. The API serves connections only here (no
 * functions given, so no route is invoked), as a test of a fan-out uses it.
 */
class ConnectionsApiTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(TemplateFixtures.path("websocket.yaml"));
  static final List<IamCall> CALLS = new CopyOnWriteArrayList<>();
  static LocalIam iam;
  static LocalWebSocketApi ws;

  @BeforeAll
  static void start() {
    IntrinsicResolver resolver = TEMPLATE.resolver().build();
    iam = LocalIam.enforce(TEMPLATE, resolver, URI.create("http://127.0.0.1:9"), CALLS::add);
    ws = LocalWebSocketApi.builder(TEMPLATE, resolver).iam(iam).port(0).start();
  }

  @AfterAll
  static void stop() {
    ws.close();
    iam.close();
  }

  static ApiGatewayManagementApiClient as(String function) {
    return ApiGatewayManagementApiClient.builder()
        .endpointOverride(ws.connectionsEndpoint())
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(function, "local")))
        .build();
  }

  /** Connects a client and returns it with its connection id, as the server registered it. */
  static Connected connect() throws InterruptedException {
    Set<String> before = new HashSet<>(ws.connections().ids());
    WebSocketClient client = WebSocketClient.open(URI.create(ws.url() + "/?token=allow"));
    return ws.connections()
        .awaitNew(before, Duration.ofSeconds(10))
        .map(id -> new Connected(client, id))
        .orElseThrow(() -> new AssertionError("the server registered no connection"));
  }

  record Connected(WebSocketClient client, String id) {}

  @Test
  void aPostReachesTheClientAsOneTextMessage() throws Exception {
    Connected connected = connect();
    try (var admin = as("ConnectionsAdminFunction");
        var client = connected.client()) {
      admin.postToConnection(
          request ->
              request
                  .connectionId(connected.id())
                  .data(SdkBytes.fromUtf8String("{\"type\":\"created\",\"id\":\"é-1\"}")));
      assertEquals("{\"type\":\"created\",\"id\":\"é-1\"}", client.next());
    }
  }

  @Test
  void getDescribesTheConnectionAsApiGatewayDoes() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    Connected connected = connect();
    try (var admin = as("ConnectionsAdminFunction");
        var client = connected.client()) {
      GetConnectionResponse described =
          admin.getConnection(request -> request.connectionId(connected.id()));
      assertTrue(described.connectedAt().isAfter(before), described::toString);
      assertEquals("127.0.0.1", described.identity().sourceIp());
      assertNotNull(described.identity().userAgent());
      assertTrue(!described.lastActiveAt().isBefore(described.connectedAt()), described::toString);
    }
  }

  @Test
  void deleteClosesTheConnectionAndThenItIsGone() throws Exception {
    Connected connected = connect();
    try (var admin = as("ConnectionsAdminFunction");
        var client = connected.client()) {
      admin.deleteConnection(request -> request.connectionId(connected.id()));
      assertEquals(1000, client.closed().get(10, TimeUnit.SECONDS));
      GoneException gone =
          assertThrows(
              GoneException.class,
              () ->
                  admin.postToConnection(
                      request ->
                          request
                              .connectionId(connected.id())
                              .data(SdkBytes.fromUtf8String("{}"))));
      assertEquals(410, gone.statusCode());
      assertThrows(
          GoneException.class,
          () -> admin.getConnection(request -> request.connectionId(connected.id())));
    }
  }

  @Test
  void aConnectionThatNeverExistedIsGone() {
    try (var admin = as("ConnectionsAdminFunction")) {
      GoneException gone =
          assertThrows(
              GoneException.class,
              () ->
                  admin.postToConnection(
                      request ->
                          request
                              .connectionId("L0SM9cOFvHcCIhw=")
                              .data(SdkBytes.fromUtf8String("{}"))));
      assertEquals(410, gone.statusCode());
    }
  }

  @Test
  void aPayloadOver128KbIsRefusedWith413AndOneOf128KbArrives() throws Exception {
    Connected connected = connect();
    try (var admin = as("ConnectionsAdminFunction");
        var client = connected.client()) {
      String largest = "x".repeat(128 * 1024);
      PayloadTooLargeException tooLarge =
          assertThrows(
              PayloadTooLargeException.class,
              () ->
                  admin.postToConnection(
                      request ->
                          request
                              .connectionId(connected.id())
                              .data(SdkBytes.fromUtf8String(largest + "x"))));
      assertEquals(413, tooLarge.statusCode());
      admin.postToConnection(
          request -> request.connectionId(connected.id()).data(SdkBytes.fromUtf8String(largest)));
      assertEquals(largest, client.next());
    }
  }

  @Test
  void aFunctionMayManageConnectionsOnlyAsItsPolicyGrants() throws Exception {
    Connected connected = connect();
    try (var postOnly = as("PostOnlyFunction");
        var noGrant = as("SocketEventsFunction");
        var client = connected.client()) {
      postOnly.postToConnection(
          request -> request.connectionId(connected.id()).data(SdkBytes.fromUtf8String("hi")));
      assertEquals("hi", client.next());

      ApiGatewayManagementApiException refused =
          assertThrows(
              ApiGatewayManagementApiException.class,
              () -> postOnly.deleteConnection(request -> request.connectionId(connected.id())));
      assertEquals(403, refused.statusCode());
      assertEquals("AccessDeniedException", refused.awsErrorDetails().errorCode());
      String resource =
          "arn:aws:execute-api:us-east-1:123456789012:local-SocketApi/test/DELETE/@connections/"
              + connected.id();
      assertEquals(
          "User: arn:aws:sts::123456789012:assumed-role/PostOnlyFunctionRole/PostOnlyFunction is not"
              + " authorized to perform: execute-api:ManageConnections on resource: "
              + resource
              + " because no identity-based policy allows the execute-api:ManageConnections action",
          refused.awsErrorDetails().errorMessage());
      assertTrue(
          CALLS.stream()
              .anyMatch(
                  call ->
                      call.function().equals("PostOnlyFunction")
                          && !call.allowed()
                          && call.action().equals(ExecuteApiAccess.MANAGE_CONNECTIONS)
                          && call.resource().equals(resource)));

      assertEquals(
          403,
          assertThrows(
                  ApiGatewayManagementApiException.class,
                  () ->
                      noGrant.postToConnection(
                          request ->
                              request
                                  .connectionId(connected.id())
                                  .data(SdkBytes.fromUtf8String("no"))))
              .statusCode());
      assertEquals(null, client.next(java.time.Duration.ofMillis(200)));
    }
  }

  @Test
  void aKeyThatNamesNoFunctionIsAnUnrecognizedClient() {
    try (var stranger = as("stranger")) {
      ApiGatewayManagementApiException refused =
          assertThrows(
              ApiGatewayManagementApiException.class,
              () -> stranger.getConnection(request -> request.connectionId("L0SM9cOFvHcCIhw=")));
      assertEquals(403, refused.statusCode());
      assertEquals("UnrecognizedClientException", refused.awsErrorDetails().errorCode());
    }
  }

  @Test
  void aPlainRequestIsAnsweredAsApiGatewayWouldNeverWithAServerPage() throws Exception {
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      var plain =
          http.send(
              java.net.http.HttpRequest.newBuilder(ws.connectionsEndpoint().resolve("/")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(403, plain.statusCode());
      assertEquals("{\"message\":\"Forbidden\"}", plain.body());
      var put =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      ws.connectionsEndpoint().resolve("/@connections/x"))
                  .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(403, put.statusCode());
      assertEquals("{\"message\":\"Missing Authentication Token\"}", put.body());
      var unsigned =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      ws.connectionsEndpoint().resolve("/@connections/x"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(403, unsigned.statusCode());
    }
  }
}

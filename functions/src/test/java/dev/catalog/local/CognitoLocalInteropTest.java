package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.catalog.local.auth.LocalAuth;
import dev.catalog.local.auth.RemoteIssuer;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.ExternalTool;
import dev.catalog.testing.SampleProducts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Interop with a Cognito implementation nobody here wrote: cognito-local (npm), with its pool, groups and users made
 * through the AWS SDK's Cognito client, and tokens from its real sign-in ({@code InitiateAuth},
 * {@code USER_PASSWORD_AUTH}). The local API trusts that pool ({@code -Dlocal.issuer}); the people's rows of the
 * access matrix hold with its tokens. cognito-local has no client-credentials grant, so services are not covered
 * here. Without cognito-local installed ({@code .ci/install-cognito-local}, which {@code .ci/run} calls), the test
 * reports itself skipped, or under CI fails ({@link ExternalTool}).
 */
class CognitoLocalInteropTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  /** Without cognito-local the test is skipped, saying how to install it; under CI it fails. */
  @RegisterExtension static final ExternalTool COGNITO_LOCAL = ExternalTool.COGNITO_LOCAL;

  static final String PASSWORD = "Interop-Passw0rd!";
  static final ObjectMapper JSON = new ObjectMapper();
  static Process cognito;
  static LocalApi api;
  static final Map<String, AuthenticationResultType> SIGNED_IN = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    if (!COGNITO_LOCAL.installed()) {
      return;
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path home = Files.createTempDirectory("cognito-local");
    ProcessBuilder builder =
        new ProcessBuilder(COGNITO_LOCAL.program().toAbsolutePath().toString())
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("cognito-local.log").toFile());
    builder.environment().put("PORT", String.valueOf(port));
    cognito = builder.start();
    awaitPort(port);
    String pool;
    try (CognitoIdentityProviderClient client =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create("http://localhost:" + port))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      pool = client.createUserPool(r -> r.poolName("catalog")).userPool().id();
      String people =
          client
              .createUserPoolClient(r -> r.userPoolId(pool).clientName("catalog-people"))
              .userPoolClient()
              .clientId();
      for (String group : List.of("catalog-editors", "catalog-admins")) {
        client.createGroup(r -> r.userPoolId(pool).groupName(group));
      }
      for (var user :
          Map.of("user", "", "editor", "catalog-editors", "admin", "catalog-admins").entrySet()) {
        String email = user.getKey() + "@example.com";
        client.adminCreateUser(
            r -> r.userPoolId(pool).username(email).messageAction(MessageActionType.SUPPRESS));
        client.adminSetUserPassword(
            r -> r.userPoolId(pool).username(email).password(PASSWORD).permanent(true));
        if (!user.getValue().isEmpty()) {
          client.adminAddUserToGroup(
              r -> r.userPoolId(pool).username(email).groupName(user.getValue()));
        }
        SIGNED_IN.put(
            user.getKey(),
            client
                .initiateAuth(
                    r ->
                        r.clientId(people)
                            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)))
                .authenticationResult());
      }
    }
    api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .auth(
                LocalAuth.enforcing(
                    DYNAMO.template(), RemoteIssuer.of("http://localhost:" + port + "/" + pool)))
            .console(new CapturedConsole().stream())
            .start();
  }

  private static void awaitPort(int port) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("localhost", port), 1000);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "cognito-local did not listen on port " + port + " within 30 s");
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (cognito != null) {
      cognito.destroy();
    }
  }

  static HttpResponse<String> call(String method, String path, String token, String body) {
    var request =
        Requests.to(api, path)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Requests.send(request);
  }

  static long products() {
    return DYNAMO
        .client()
        .scan(
            ScanRequest.builder()
                .tableName(DYNAMO.tableName("ProductsTable"))
                .select(Select.COUNT)
                .consistentRead(true)
                .build())
        .count();
  }

  static String access(String user) {
    return SIGNED_IN.get(user).accessToken();
  }

  @Test
  void theMatrixHoldsForPeopleSignedInToCognitoLocal() throws Exception {
    String product = SampleProducts.minimal("interop").toString();
    HttpResponse<String> created = call("POST", "/products", access("editor"), product);
    assertEquals(201, created.statusCode(), created::body);
    String id = JSON.readTree(created.body()).path("id").asText();
    assertEquals(
        SignedJWT.parse(access("editor")).getJWTClaimsSet().getSubject(),
        JSON.readTree(created.body()).path("createdBy").asText());
    long before = products();

    assertEquals(401, call("POST", "/products", null, product).statusCode());
    assertEquals(
        401, call("POST", "/products", SIGNED_IN.get("editor").idToken(), product).statusCode());
    assertEquals(403, call("POST", "/products", access("user"), product).statusCode());
    assertEquals(403, call("DELETE", "/products/" + id, access("editor"), null).statusCode());
    assertEquals(before, products(), "refusals write nothing");
    assertEquals(200, call("GET", "/products/" + id, null, null).statusCode());

    HttpResponse<String> deleted = call("DELETE", "/products/" + id, access("admin"), null);
    assertEquals(204, deleted.statusCode(), deleted::body);
    assertTrue(call("GET", "/products/" + id, null, null).statusCode() == 404);
  }
}

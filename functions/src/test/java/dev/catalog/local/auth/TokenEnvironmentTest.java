package dev.catalog.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.auth.FeedAuthorizerHandler;
import dev.catalog.auth.JwsVerifier;
import dev.catalog.auth.Unauthorized;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.DynamoDbLocal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The local tool's override of {@code TOKEN_ISSUER} and {@code TOKEN_CLIENT_IDS} for functions that verify tokens
 * themselves: with the development issuer, the feed's authorizer configured from those values alone fetches the
 * issuer's keys over HTTP and allows the tokens {@code POST /_local/token} hands out.
 */
class TokenEnvironmentTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(DynamoDbLocal.TEMPLATE);
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode connect(Map<String, String> environment, String token) throws IOException {
    Set<String> clients =
        Arrays.stream(environment.get("TOKEN_CLIENT_IDS").split(","))
            .collect(Collectors.toUnmodifiableSet());
    var handler =
        new FeedAuthorizerHandler(
            JwsVerifier.of(environment.get("TOKEN_ISSUER"), clients, Clock.systemUTC()));
    ObjectNode event =
        (ObjectNode) JSON.readTree(Path.of("events", "FeedAuthorizerFunction.json").toFile());
    ((ObjectNode) event.get("queryStringParameters")).put("token", token);
    ((ObjectNode) event.get("multiValueQueryStringParameters")).putArray("token").add(token);
    var out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
    return JSON.readTree(out.toByteArray());
  }

  @Test
  void withTheDevelopmentIssuerTheAuthorizerAllowsItsTokensOfPeopleAndServices()
      throws IOException {
    LocalAuth auth = LocalAuth.development(TEMPLATE);
    try {
      Map<String, String> environment = auth.tokenEnvironment();
      DevelopmentIssuer issuer = auth.developmentIssuer().orElseThrow();

      assertEquals(issuer.issuer(), environment.get("TOKEN_ISSUER"));
      assertEquals("local-people-client,local-service-client", environment.get("TOKEN_CLIENT_IDS"));
      var answer = JSON.readTree(TokenEndpoint.token(issuer, "groups=catalog-editors").body());
      assertEquals(
          "catalog-editors",
          connect(environment, answer.get("access_token").asText()).at("/context/groups").asText());
      assertEquals(
          DevelopmentIssuer.SERVICE_CLIENT,
          connect(environment, issuer.service("products/write").accessToken())
              .get("principalId")
              .asText());
      assertThrows(
          Unauthorized.class,
          () ->
              connect(environment, new DevelopmentIssuer().person("ann", List.of()).accessToken()));
    } finally {
      auth.close();
    }
  }

  @Test
  void withAuthenticationOffNothingIsOverriddenAndWithARealPoolOnlyTheIssuer() {
    assertEquals(Map.of(), LocalAuth.off(TEMPLATE).tokenEnvironment());
    String pool = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123";
    assertEquals(
        Map.of("TOKEN_ISSUER", pool),
        LocalAuth.enforcing(TEMPLATE, RemoteIssuer.of(pool)).tokenEnvironment());
  }
}

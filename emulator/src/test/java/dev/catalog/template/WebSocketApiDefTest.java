package dev.catalog.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.TemplateFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WebSocket API is read from CloudFormation's AWS::ApiGatewayV2 resources, references followed. */
class WebSocketApiDefTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(TemplateFixtures.path("websocket.yaml"));

  static WebSocketApiDef api() {
    return WebSocketApiDef.of(TEMPLATE, TEMPLATE.resolver().build()).orElseThrow();
  }

  @Test
  void theApiItsStageAndSelectionExpressionAreRead() {
    WebSocketApiDef api = api();
    assertEquals("SocketApi", api.logicalId());
    assertEquals("local-SocketApi", api.apiId());
    assertEquals("test", api.stage());
    assertEquals("$request.body.action", api.routeSelectionExpression());
    assertEquals(
        List.of("$connect", "$disconnect", "echo", "silent", "$default"),
        List.copyOf(api.routes().keySet()));
  }

  @Test
  void eachRouteLeadsThroughItsIntegrationToItsFunctionAliasOrNot() {
    api()
        .routes()
        .values()
        .forEach(route -> assertEquals("SocketEventsFunction", route.function(), route::toString));
  }

  @Test
  void onlyRoutesWithARouteResponseAnswerAndOnlyConnectHasTheAuthorizer() {
    WebSocketApiDef api = api();
    assertTrue(api.routes().get("echo").routeResponse());
    assertTrue(api.routes().get("$default").routeResponse());
    assertFalse(api.routes().get("silent").routeResponse());
    WebSocketApiDef.Authorizer authorizer = api.routes().get("$connect").authorizer();
    assertEquals("SocketAuthorizerFunction", authorizer.function());
    assertEquals(List.of("route.request.querystring.token"), authorizer.identitySources());
    assertNull(api.routes().get("echo").authorizer());
  }

  @Test
  void aTemplateWithoutAWebSocketApiHasNone() {
    SamTemplate rest = SamTemplate.load(TemplateFixtures.path("local-api.yaml"));
    assertTrue(WebSocketApiDef.of(rest, rest.resolver().build()).isEmpty());
  }
}

package dev.catalog.local.events.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.template.WebSocketApiDef;
import java.io.IOException;

/**
 * Which route a message takes, as API Gateway selects it: the API's route selection expression
 * ({@code $request.body.action}: the member {@code action} of the message's JSON, nested members with further dots)
 * names a route key; a message that is not JSON, lacks the member, or names no route goes to {@code $default}.
 */
final class RouteSelection {
  private static final String BODY = "$request.body.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RouteSelection() {}

  /** The route of this message, or null when none matches and the API has no {@code $default}. */
  static WebSocketApiDef.Route select(WebSocketApiDef api, String body) {
    String key = key(api.routeSelectionExpression(), body);
    WebSocketApiDef.Route route = key == null ? null : api.routes().get(key);
    if (route == null || key.startsWith("$")) {
      route = api.routes().get("$default");
    }
    return route;
  }

  private static String key(String expression, String body) {
    if (body == null || !expression.startsWith(BODY)) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
    for (String member : expression.substring(BODY.length()).split("\\.")) {
      node = node == null ? null : node.get(member);
    }
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}

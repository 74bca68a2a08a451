package dev.catalog.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.HttpError.FieldError;
import dev.catalog.kernel.JsonBody;
import java.util.List;
import java.util.Set;

/**
 * {@code $default}: every message no route took, because its body is not JSON, has no {@code action}, or names an
 * action there is none of. Each is answered with an error reply saying which, never dropped. A message naming one of
 * the routes' actions can reach it too, when API Gateway did not route it by its body (it routes no binary frame):
 * it is told so, never that its action is unknown.
 */
public final class DefaultRouteHandler extends FeedHandler {
  /** The actions API Gateway routes to a function of their own (the template's route keys). */
  static final Set<String> ROUTED_ACTIONS = Set.of("subscribe", "unsubscribe");

  public DefaultRouteHandler() {}

  @Override
  protected FeedReply handle(WebSocketEvent event) {
    ObjectNode message =
        JsonBody.read(event.body(), event.base64(), SubscriptionReader.MAX_MESSAGE_BYTES);
    JsonNode action = message.get("action");
    if (action == null || !action.isTextual()) {
      throw HttpError.validation(
          List.of(new FieldError("action", "is required: subscribe or unsubscribe")));
    }
    if (ROUTED_ACTIONS.contains(action.asText())) {
      throw HttpError.badRequest(
          "unrouted-message",
          "Message not routed",
          "This message names the action \""
              + action.asText()
              + "\" but did not reach its route"
              + (event.base64()
                  ? ": it came in a binary frame,"
                      + " which is never routed by its action. Send it as JSON in a text frame."
                  : "."));
    }
    throw HttpError.badRequest(
        "unknown-action",
        "Unknown action",
        "The action \"" + action.asText() + "\" is not one of subscribe and unsubscribe.");
  }
}

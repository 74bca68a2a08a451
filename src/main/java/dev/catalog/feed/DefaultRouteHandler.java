package dev.catalog.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.http.HttpError;
import dev.catalog.http.HttpError.FieldError;
import dev.catalog.http.JsonBody;
import java.util.List;

/**
 * {@code $default}: every message no route took, because its body is not JSON, has no {@code action}, or names an
 * action there is none of. Each is answered with an error reply saying which, never dropped.
 */
public final class DefaultRouteHandler extends FeedHandler {
  public DefaultRouteHandler() {}

  @Override
  protected FeedReply handle(WebSocketEvent event) {
    ObjectNode message = JsonBody.read(event.body(), event.base64(), SubscriptionReader.MAX_MESSAGE_BYTES);
    JsonNode action = message.get("action");
    if (action == null || !action.isTextual()) {
      throw HttpError.validation(List.of(new FieldError("action", "is required: subscribe or unsubscribe")));
    }
    throw HttpError.badRequest("unknown-action", "Unknown action",
        "The action \"" + action.asText() + "\" is not one of subscribe and unsubscribe.");
  }
}

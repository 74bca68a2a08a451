package dev.catalog.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.HttpError.FieldError;
import dev.catalog.kernel.Json;
import dev.catalog.kernel.JsonBody;
import dev.catalog.kernel.Validation;
import dev.catalog.products.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Subscription} strictly, from a message or from the query of {@code $connect}: the message within
 * {@link #MAX_MESSAGE_BYTES}, strict JSON ({@link JsonBody}), nothing but {@code action}, {@code categories} and
 * {@code all}, no coercion, at least one topic, every failing field listed at once (400 {@code validation-failed}).
 */
final class SubscriptionReader {
  /**
   * The largest message taken, in UTF-8 bytes: far below API Gateway's 128 KB, and room for 20 categories of 64
   * characters each written as JSON escapes.
   */
  static final int MAX_MESSAGE_BYTES = 16 * 1024;

  private static final Set<String> QUERY_PARAMETERS = Set.of("category", "all", "token");

  private SubscriptionReader() {}

  /** The subscription of a {@code subscribe} or {@code unsubscribe} message, whose action is {@code action}. */
  static Subscription message(WebSocketEvent event, String action) {
    ObjectNode message = JsonBody.read(event.body(), event.base64(), MAX_MESSAGE_BYTES);
    List<FieldError> errors = new ArrayList<>();
    Subscription subscription = new Subscription();
    for (Map.Entry<String, JsonNode> member : message.properties()) {
      JsonNode value = member.getValue();
      switch (member.getKey()) {
        case "action" -> {
          if (!value.isTextual() || !value.asText().equals(action)) {
            errors.add(new FieldError("action", "must be \"" + action + "\""));
          }
        }
        case "categories" -> subscription.setCategories(categories(value, errors));
        case "all" -> {
          if (!value.isBoolean() || !value.booleanValue()) {
            errors.add(new FieldError("all", "must be true when given, not " + describe(value)));
          }
          subscription.setAll(value.isBoolean() && value.booleanValue());
        }
        default ->
            errors.add(
                new FieldError(member.getKey(), "is not a member of a " + action + " message"));
      }
    }
    if (!message.has("categories") && !message.has("all")) {
      errors.add(new FieldError("categories", "is required unless all is true"));
    }
    return validated(subscription, errors);
  }

  /**
   * The subscription of a {@code $connect}: {@code ?category=} once per category, {@code ?all=true}; the
   * authorizer's {@code token} is allowed and ignored. Any other parameter, or a repeated {@code all}, is a 400
   * {@code invalid-query}; none at all is a connection with no subscription yet.
   */
  static Subscription query(Map<String, List<String>> query) {
    for (var parameter : query.entrySet()) {
      if (!QUERY_PARAMETERS.contains(parameter.getKey())) {
        throw invalidQuery(
            "The parameter "
                + parameter.getKey()
                + " is not taken here; take category, all (and"
                + " token).");
      }
    }
    Subscription subscription = new Subscription();
    List<String> all = query.getOrDefault("all", List.of());
    if (all.size() > 1 || (all.size() == 1 && !all.get(0).equals("true"))) {
      throw invalidQuery("all must be given once, as all=true.");
    }
    subscription.setAll(!all.isEmpty());
    List<String> categories = new ArrayList<>();
    query
        .getOrDefault("category", List.of())
        .forEach(category -> categories.add(Text.trimmed(category)));
    subscription.setCategories(categories);
    List<FieldError> errors = Validation.check(subscription);
    if (!errors.isEmpty()) {
      throw invalidQuery(
          errors.stream()
                  .map(
                      error ->
                          error.field().replace("categories", "category") + " " + error.message())
                  .reduce((a, b) -> a + "; " + b)
                  .orElseThrow()
              + ".");
    }
    return subscription;
  }

  private static List<String> categories(JsonNode value, List<FieldError> errors) {
    List<String> categories = new ArrayList<>();
    if (!value.isArray() || value.isEmpty()) {
      errors.add(
          new FieldError(
              "categories",
              "must be an array of 1 to "
                  + Subscription.MAX_CATEGORIES
                  + " strings, not "
                  + (value.isArray() ? "an empty array" : Json.describe(value))));
      return categories;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode category = value.get(i);
      if (category.isTextual()) {
        categories.add(Text.trimmed(category.asText()));
      } else {
        errors.add(
            new FieldError(
                "categories[" + i + "]", "must be a string, not " + Json.describe(category)));
        categories.add(null);
      }
    }
    return categories;
  }

  private static Subscription validated(Subscription subscription, List<FieldError> errors) {
    // A category of the wrong type keeps its index (null), so the others keep theirs; its type
    // error is its only one.
    Set<String> mistyped = new HashSet<>();
    errors.forEach(error -> mistyped.add(error.field()));
    Validation.check(subscription).stream()
        .filter(error -> !mistyped.contains(error.field()))
        .forEach(errors::add);
    if (!errors.isEmpty()) {
      throw HttpError.validation(errors);
    }
    return subscription;
  }

  private static String describe(JsonNode value) {
    return value.isBoolean() ? String.valueOf(value.booleanValue()) : Json.describe(value);
  }

  private static HttpError invalidQuery(String detail) {
    return HttpError.badRequest("invalid-query", "Invalid query parameter", detail);
  }
}

package dev.catalog.products;

import dev.catalog.http.EntityTags;
import dev.catalog.http.Preconditions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A request's preconditions as a DynamoDB condition on the stored item, so that a write checks them itself, in the
 * same atomic step that applies it. The condition holds exactly when {@link Preconditions#evaluate} on the stored
 * product would pass (an absent item counts as no product): If-Match and If-None-Match compare the ETag's version and
 * incarnation ({@link ProductResource#etag}), If-Unmodified-Since compares {@code updatedAt} to the second.
 */
final class ProductConditions {
  /**
   * The most entity tags a condition lists (If-Match and If-None-Match together). A DynamoDB condition expression is
   * at most 4 KB, about 80 tags; a request listing more is decided on the product read first (see ConditionalWrite).
   */
  static final int MAX_TAGS = 32;

  /** A version as {@code Long.toString} writes it: the only spelling an ETag of ours has. */
  private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,18}");

  /** {@code updatedAt}'s first 19 characters: the second, as every stored ISO-8601 instant begins. */
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private ProductConditions() {}

  /** The tags the conditions list that could match a product of ours: what {@link #of} turns into clauses. */
  static int tags(Preconditions preconditions) {
    return tags(preconditions.ifMatch(), true).size()
        + tags(preconditions.ifNoneMatch(), false).size();
  }

  /**
   * The preconditions as a condition on the stored item; null when there are none. Its text can be joined to other
   * conditions with {@code AND} as it is: DynamoDB refuses redundant parentheses, so they are written only around an
   * {@code OR} within an {@code AND} and after {@code NOT}.
   */
  static Expression of(Preconditions preconditions) {
    List<Part> parts = new ArrayList<>();
    EntityTags.Condition ifMatch = preconditions.ifMatch();
    if (ifMatch != null) {
      // Absent, or none of the listed tags: false, so the write is refused and the refusal explains
      // itself.
      List<String[]> tags = tags(ifMatch, true);
      parts.add(
          ifMatch.any()
              ? Part.atom("attribute_exists(#id)")
              : tags.isEmpty()
                  ? Part.and("attribute_exists(#id) AND attribute_not_exists(#id)")
                  : anyOf(tags, "m"));
    }
    Instant unmodifiedSince = preconditions.ifUnmodifiedSince();
    if (unmodifiedSince != null) {
      unmodifiedSince(unmodifiedSince).ifPresent(parts::add);
    }
    EntityTags.Condition ifNoneMatch = preconditions.ifNoneMatch();
    if (ifNoneMatch != null) {
      List<String[]> tags = tags(ifNoneMatch, false);
      if (ifNoneMatch.any()) {
        parts.add(Part.atom("attribute_not_exists(#id)"));
      } else if (!tags.isEmpty()) {
        Part listed = anyOf(tags, "n");
        parts.add(
            new Part(
                "attribute_not_exists(#id) OR NOT (" + listed.text() + ")",
                Part.OR,
                listed.values()));
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    java.util.Map<String, AttributeValue> values = new java.util.HashMap<>();
    for (Part part : parts) {
      texts.add(part.precedence() == Part.OR ? "(" + part.text() + ")" : part.text());
      values.putAll(part.values());
    }
    return expression(String.join(" AND ", texts), values);
  }

  /** {@code text} with its values and the names it uses (DynamoDB refuses a name or value an expression leaves out). */
  private static Expression expression(String text, java.util.Map<String, AttributeValue> values) {
    Expression.Builder condition = Expression.builder().expression(text).expressionValues(values);
    for (String name : List.of("id", "version", "incarnation", "updatedAt")) {
      if (text.contains("#" + name + ")") || text.contains("#" + name + " ")) {
        condition.putExpressionName("#" + name, name);
      }
    }
    return condition.build();
  }

  /** The stored product is {@code product}: the same version of the same incarnation. */
  static Expression sameState(Product product) {
    Part tag = tag(new String[] {product.getVersion().toString(), product.getIncarnation()}, ":s");
    return expression(tag.text(), tag.values());
  }

  /**
   * A piece of a condition: its text, how loosely it binds ({@link #OR} needs parentheses within an {@code AND}),
   * and its values.
   */
  private record Part(String text, int precedence, java.util.Map<String, AttributeValue> values) {
    static final int OR = 1;
    static final int AND = 2;
    static final int ATOM = 3;

    static Part atom(String text) {
      return new Part(text, ATOM, java.util.Map.of());
    }

    static Part and(String text) {
      return new Part(text, AND, java.util.Map.of());
    }
  }

  /**
   * The product was not modified after {@code date}'s second: {@code updatedAt} is earlier than the next second. An
   * ISO-8601 instant compares as text by its first 19 characters, and one that begins with the bound itself is
   * longer than the bound, so {@code <} on the text is {@code <} on the second. Empty when every date passes.
   */
  private static java.util.Optional<Part> unmodifiedSince(Instant date) {
    Instant bound = date.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    if (bound.atZone(ZoneOffset.UTC).getYear() > 9999) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Part(
            "attribute_not_exists(#updatedAt) OR #updatedAt < :unmodifiedBefore",
            Part.OR,
            java.util.Map.of(":unmodifiedBefore", AttributeValue.fromS(SECOND.format(bound)))));
  }

  /**
   * The listed tags that could be a product's ({@code version} or {@code version.incarnation}), each as its version
   * and incarnation (null: a product stored before incarnations).
   */
  private static List<String[]> tags(EntityTags.Condition condition, boolean strongOnly) {
    List<String[]> tags = new ArrayList<>();
    if (condition == null || condition.any()) {
      return tags;
    }
    for (String opaque : condition.opaqueTags(strongOnly)) {
      int dot = opaque.indexOf('.');
      String version = dot < 0 ? opaque : opaque.substring(0, dot);
      String incarnation = dot < 0 ? null : opaque.substring(dot + 1);
      if (VERSION.matcher(version).matches() && (incarnation == null || !incarnation.isEmpty())) {
        try {
          Long.parseLong(version);
          tags.add(new String[] {version, incarnation});
        } catch (NumberFormatException tooLarge) {
          // No version of ours is that large: the tag matches nothing.
        }
      }
    }
    return tags;
  }

  /** One of {@code tags} (not empty) is the stored product's. */
  private static Part anyOf(List<String[]> tags, String prefix) {
    if (tags.size() == 1) {
      return tag(tags.getFirst(), ":" + prefix + 0);
    }
    List<String> clauses = new ArrayList<>();
    java.util.Map<String, AttributeValue> values = new java.util.HashMap<>();
    for (int i = 0; i < tags.size(); i++) {
      Part clause = tag(tags.get(i), ":" + prefix + i);
      clauses.add(clause.text());
      values.putAll(clause.values());
    }
    return new Part(String.join(" OR ", clauses), Part.OR, values);
  }

  private static Part tag(String[] tag, String placeholder) {
    AttributeValue version = AttributeValue.fromN(tag[0]);
    return tag[1] == null
        ? new Part(
            "#version = " + placeholder + "v AND attribute_not_exists(#incarnation)",
            Part.AND,
            java.util.Map.of(placeholder + "v", version))
        : new Part(
            "#version = " + placeholder + "v AND #incarnation = " + placeholder + "i",
            Part.AND,
            java.util.Map.of(
                placeholder + "v", version, placeholder + "i", AttributeValue.fromS(tag[1])));
  }
}

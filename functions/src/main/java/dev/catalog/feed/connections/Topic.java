package dev.catalog.feed.connections;

/**
 * What a connection can subscribe to: one category, or every product. Its {@link #key()} is what the connections
 * table stores, {@value #ALL} or {@code category#<category>}: a category cannot take the form of another key, and
 * none takes the form of the connection's own entry, {@value #CONNECTION}.
 *
 * @param category the category, as the REST API stores it (NFC, trimmed); null for all products
 */
public record Topic(String category) {
  static final String ALL = "all";
  static final String CATEGORY_PREFIX = "category#";
  static final String CONNECTION = "connection";

  private static final Topic EVERYTHING = new Topic(null);

  /** Every product. */
  public static Topic all() {
    return EVERYTHING;
  }

  /** One category, given as stored. */
  public static Topic category(String category) {
    if (category == null) {
      throw new IllegalArgumentException("a category topic needs a category");
    }
    return new Topic(category);
  }

  public boolean isAll() {
    return category == null;
  }

  /** The key stored as the subscription's entry and topic. */
  public String key() {
    return isAll() ? ALL : CATEGORY_PREFIX + category;
  }

  /** The topic a stored key names. */
  static Topic ofKey(String key) {
    if (ALL.equals(key)) {
      return EVERYTHING;
    }
    if (key.startsWith(CATEGORY_PREFIX)) {
      return new Topic(key.substring(CATEGORY_PREFIX.length()));
    }
    throw new IllegalArgumentException("not a topic key: " + key);
  }
}

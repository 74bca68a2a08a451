package dev.catalog.changes;

/** What happened to a product, as its change's {@code type} names it. */
public enum ChangeType {
  /** A product was stored under an id that held none (POST, or PUT of a new id). */
  CREATED("created"),
  /** A stored product was replaced or patched. */
  UPDATED("updated"),
  /** A product was deleted. */
  DELETED("deleted");

  private final String value;

  ChangeType(String value) {
    this.value = value;
  }

  /** The name in JSON and in message attributes: {@code created}, {@code updated} or {@code deleted}. */
  public String value() {
    return value;
  }
}

package dev.catalog.local.events.sns;

/**
 * One message attribute as published: its data type ({@code String}, {@code String.Array}, {@code Number},
 * {@code Binary}, optionally with a custom suffix such as {@code Number.cents}) and its value, a string, or for a
 * binary type the bytes as base64, as they travel.
 */
public record MessageAttribute(String dataType, String stringValue, String binaryValue) {
  /** The value as text: the string, or the base64 of the bytes. */
  public String value() {
    return stringValue != null ? stringValue : binaryValue;
  }

  /** The logical type, without a custom suffix: {@code Number.cents} is a {@code Number}. */
  public String baseType() {
    return dataType.startsWith("String.Array") ? "String.Array" : dataType.split("\\.", 2)[0];
  }
}

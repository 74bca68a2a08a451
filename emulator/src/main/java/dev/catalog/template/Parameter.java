package dev.catalog.template;

import java.util.Optional;

/**
 * A template parameter.
 *
 * @param name the parameter's logical name, e.g. {@code AllowedOrigins}
 * @param type the CloudFormation type, e.g. {@code String} or {@code CommaDelimitedList}
 * @param defaultValue the {@code Default}, as text
 */
public record Parameter(String name, String type, Optional<String> defaultValue) {

  /** True for types whose {@code Ref} yields a list rather than a string. */
  public boolean isList() {
    return type.equals("CommaDelimitedList") || type.startsWith("List<");
  }
}

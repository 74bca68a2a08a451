package dev.catalog.bench;

import dev.catalog.kernel.Environment;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The app clients of {@code TOKEN_CLIENT_IDS}, read for the authorizer's variants as the authorizer reads them. */
final class VariantClients {
  private VariantClients() {}

  static Set<String> read() {
    return Arrays.stream(Environment.require("TOKEN_CLIENT_IDS").split(","))
        .map(String::strip)
        .filter(id -> !id.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}

package dev.catalog.kernel;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The configuration Lambda passes a function as environment variables (set in template.yaml), read in one place.
 *
 * <p>Lambda gives each function its own process and environment. A host that runs several functions in one JVM
 * (the local API, in its own class loader per function) gives each one its template environment through
 * {@link #use(Map)}; deployed code never calls it.
 */
public final class Environment {
  private static volatile UnaryOperator<String> source = System::getenv;

  private Environment() {}

  /** The variable's value, or null when it is not set. */
  public static String get(String name) {
    return source.apply(name);
  }

  /** The variable's value; a missing one is a deployment error, reported by name at init. */
  public static String require(String name) {
    String value = get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "Environment variable " + name + " is not set; template.yaml sets it.");
    }
    return value;
  }

  /** Makes {@code variables} this class loader's whole environment. */
  public static void use(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    source = copy::get;
  }
}

package dev.catalog.storage;

/** Reads the configuration Lambda passes as environment variables (set in template.yaml). */
public final class Environment {
  private Environment() {}

  /** The variable's value; a missing one is a deployment error, reported by name at init. */
  public static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Environment variable " + name + " is not set; template.yaml sets it.");
    }
    return value;
  }
}

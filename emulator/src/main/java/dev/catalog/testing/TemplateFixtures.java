package dev.catalog.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fixture templates of the emulator's tests and the functions' tests of the tools, in
 * {@value #FOLDER} of the repository: small templates whose functions are the functions' own or the fixtures in
 * {@code dev.catalog.local.fixtures}. Found from the repository root, the working directory of every module's tests,
 * as {@code template.yaml} is.
 */
public final class TemplateFixtures {
  /** Where the fixtures are, from the repository root. */
  public static final String FOLDER = "emulator/src/test/resources/templates";

  /** Follows the template.yaml contract; stands in for the real template in the tests of the tools themselves. */
  public static final Path PRODUCTS_API = path("products-api.yaml");

  public static final Path INTRINSICS = path("intrinsics.yaml");

  private TemplateFixtures() {}

  /** A fixture by its name relative to {@value #FOLDER}, e.g. {@code broken/no-handler.yaml}. */
  public static Path path(String name) {
    Path file = Path.of(FOLDER, name).toAbsolutePath();
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "No fixture template " + file + ": tests run from the repository root");
    }
    return file;
  }
}

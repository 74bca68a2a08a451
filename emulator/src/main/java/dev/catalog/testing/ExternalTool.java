package dev.catalog.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A program outside the JDK that some tests need: moto's server, Chromium with its driver, cognito-local. The one rule
 * for when it is missing lives here ({@link #require()}): the test is aborted, so JUnit and Surefire report it
 * skipped, with a message naming the tool, where it was looked for and how to install it; under CI
 * ({@code CI=true}, as {@code .ci/run} and CI services set it) the test fails instead, so CI never passes by skipping.
 *
 * <p>Each program is found through a system property, e.g. {@code -Dmoto.server=PATH}: a value naming a directory is
 * that file; a bare name is looked up on the {@code PATH}, as a shell would. Only whether the program is there
 * decides a skip: one that is there but does not start fails its test.
 *
 * <p>A test class that needs the tool for every test registers it, {@code @RegisterExtension static final
 * ExternalTool BROWSER = ExternalTool.CHROMIUM;}, and starts nothing in {@code @BeforeAll} unless
 * {@link #installed()}; a test that needs it for some cases calls {@link #require()} in those.
 */
public final class ExternalTool implements BeforeEachCallback {
  /** moto's SNS and SQS, a second implementation of the protocol the product events function speaks. */
  public static final ExternalTool MOTO =
      new ExternalTool(
          "moto's server",
          List.of(new Program("moto.server", "moto_server")),
          ".ci/install-moto installs it (moto[server] 5.2.1 with pipx or pip), or -Dmoto.server=PATH names another");

  /** Debian's Chromium and its driver, for the live dashboard's browser tests. */
  public static final ExternalTool CHROMIUM =
      new ExternalTool(
          "Chromium and chromedriver",
          List.of(
              new Program("browser.chromium", "/usr/bin/chromium"),
              new Program("browser.chromedriver", "/usr/bin/chromedriver")),
          "apt-get install chromium chromium-driver (.ci/install-browser does), or point -Dbrowser.chromium and"
              + " -Dbrowser.chromedriver at a Chromium and its driver");

  /** cognito-local (npm), a Cognito implementation for the interop test. */
  public static final ExternalTool COGNITO_LOCAL =
      new ExternalTool(
          "cognito-local",
          List.of(
              new Program(
                  "cognito.local", "target/tools/cognito-local/node_modules/.bin/cognito-local")),
          ".ci/install-cognito-local installs it with npm, or -Dcognito.local=PATH names another");

  /** bash, curl and jq, with which the shell examples of the README and docs/local.md are written, for their test. */
  public static final ExternalTool README_SHELL =
      new ExternalTool(
          "bash, curl and jq",
          List.of(
              new Program("readme.bash", "bash"),
              new Program("readme.curl", "curl"),
              new Program("readme.jq", "jq")),
          "apt-get install curl jq (.ci/install-jq does)");

  /**
   * One program of a tool.
   *
   * @param property the system property that names it
   * @param fallback its name or path when the property is not set
   */
  public record Program(String property, String fallback) {
    /** What the property names, or the fallback. */
    public String named() {
      String value = System.getProperty(property);
      return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The executable file, looked up on {@code path} (the value of {@code PATH}) when named without a directory. */
    Optional<Path> find(String path) {
      String name = named();
      if (hasDirectory(name)) {
        return executable(name);
      }
      for (String directory : (path == null ? "" : path).split(File.pathSeparator)) {
        if (!directory.isEmpty()) {
          Optional<Path> found = executable(directory + File.separator + name);
          if (found.isPresent()) {
            return found;
          }
        }
      }
      return Optional.empty();
    }

    private static Optional<Path> executable(String file) {
      try {
        Path candidate = Path.of(file);
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
            ? Optional.of(candidate)
            : Optional.empty();
      } catch (InvalidPathException notAPath) {
        return Optional.empty();
      }
    }

    private String lookedFor() {
      String name = named();
      String where = hasDirectory(name) ? name : name + " on the PATH";
      return name.equals(fallback) ? where : where + " (from -D" + property + ")";
    }

    private static boolean hasDirectory(String name) {
      return name.contains("/") || name.contains(File.separator);
    }
  }

  private final String name;
  private final List<Program> programs;
  private final String install;

  ExternalTool(String name, List<Program> programs, String install) {
    this.name = name;
    this.programs = List.copyOf(programs);
    this.install = install;
  }

  /** The tool's name, e.g. {@code moto's server}. */
  public String name() {
    return name;
  }

  /** Whether every program of the tool is there. */
  public boolean installed() {
    return missing(System.getenv()) == null;
  }

  /** The first program's executable, e.g. the {@code moto_server} found on the PATH; the tool must be installed. */
  public Path program() {
    return program(0);
  }

  /** The executable of the {@code index}-th program; the tool must be installed. */
  public Path program(int index) {
    Program program = programs.get(index);
    return program
        .find(System.getenv("PATH"))
        .orElseThrow(() -> new IllegalStateException(missing(System.getenv())));
  }

  /**
   * What is missing and how to install it, or null when the tool is installed, in {@code environment} (its
   * {@code PATH}).
   */
  String missing(Map<String, String> environment) {
    List<String> absent = new ArrayList<>();
    for (Program program : programs) {
      if (program.find(environment.get("PATH")).isEmpty()) {
        absent.add(program.lookedFor());
      }
    }
    if (absent.isEmpty()) {
      return null;
    }
    return name
        + " not found (no executable "
        + String.join(", no executable ", absent)
        + "): "
        + install;
  }

  /**
   * Returns when the tool is installed; else aborts the calling test, which is reported skipped with what is missing
   * and how to install it, or under CI ({@code CI=true}) fails it.
   */
  public void require() {
    require(System.getenv());
  }

  /** {@link #require()} as in {@code environment} ({@code PATH} and {@code CI}). */
  void require(Map<String, String> environment) {
    String missing = missing(environment);
    if (missing == null) {
      return;
    }
    if (underCi(environment)) {
      fail("CI=true, so a test whose tool is missing fails rather than skips: " + missing);
    }
    Assumptions.abort("Skipping: " + missing + ". (Under CI=true this test fails instead.)");
  }

  /** Whether this run is CI's: {@code CI=true}, as {@code .ci/run} and CI services set it. */
  static boolean underCi(Map<String, String> environment) {
    return "true".equalsIgnoreCase(String.valueOf(environment.get("CI")).strip());
  }

  /** As an extension: {@link #require()} before each test of the class. */
  @Override
  public void beforeEach(ExtensionContext context) {
    require();
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module layout's rules that the compiler cannot see: the functions' pom stands alone (sam build copies its folder
 * without the rest), it pins the versions the root pom repeats for the emulator and the benchmarks, and the emulator's
 * code names no package of the functions outside strings (it loads them from their build output, as Lambda loads the
 * zip; the one class it names, by reflection, is the one through which a function reads its environment).
 */
class BuildTest {
  private static final Path FUNCTIONS_POM = Path.of("functions", "pom.xml");
  private static final Path ROOT_POM = Path.of("pom.xml");
  private static final List<String> SHARED_VERSIONS =
      List.of(
          "aws-sdk.version",
          "lambda-core.version",
          "lambda-events.version",
          "jackson.version",
          "junit.version");

  @Test
  void theFunctionsPomHasNoParentSoSamBuildCanBuildItsFolderAlone() throws IOException {
    String pom = Files.readString(FUNCTIONS_POM);
    assertFalse(
        pom.contains("<parent>"),
        "functions/pom.xml names a parent; sam build's copy of the folder has none");
    assertFalse(
        pom.contains("<relativePath>"), "functions/pom.xml names a relative path to another pom");
  }

  @Test
  void theRootPomRepeatsTheFunctionsVersionsExactly() throws IOException {
    String functions = Files.readString(FUNCTIONS_POM);
    String root = Files.readString(ROOT_POM);
    for (String property : SHARED_VERSIONS) {
      assertEquals(
          property(functions, property),
          property(root, property),
          property + " in pom.xml and functions/pom.xml");
    }
  }

  @Test
  void theEmulatorNamesNoPackageOfTheFunctions() throws IOException {
    Set<String> functionPackages = packages(Path.of("functions", "src", "main", "java"));
    functionPackages.remove("dev.catalog");
    assertTrue(functionPackages.contains("dev.catalog.products"), functionPackages.toString());
    Pattern reference = Pattern.compile("\\b(dev\\.catalog(?:\\.\\w+)*)\\.[A-Z]\\w*");
    try (Stream<Path> files = Files.walk(Path.of("emulator", "src", "main", "java"))) {
      List<String> found =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .flatMap(
                  file -> {
                    try {
                      Matcher matcher =
                          reference.matcher(
                              Files.readString(file)
                                  .replaceAll(
                                      "(?s)/\\*.*?\\*/|//[^\\n]*|\"(?:[^\"\\\\]|\\\\.)*\"", ""));
                      return matcher
                          .results()
                          .map(match -> match.group(1))
                          .filter(functionPackages::contains)
                          .map(name -> file.getFileName() + " → " + name);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .distinct()
              .toList();
      assertEquals(List.of(), found, "emulator code referring to the functions' packages");
    }
    assertFalse(
        Files.readString(Path.of("emulator", "pom.xml"))
            .contains("<artifactId>functions</artifactId>"),
        "emulator/pom.xml depends on the functions");
  }

  private static String property(String pom, String name) {
    Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertTrue(matcher.find(), name + " is not set");
    return matcher.group(1);
  }

  private static Set<String> packages(Path sources) throws IOException {
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .map(file -> sources.relativize(file.getParent()).toString().replace('/', '.'))
          .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
  }
}

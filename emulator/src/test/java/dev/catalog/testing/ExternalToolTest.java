package dev.catalog.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The one rule for tests that need a program outside the JDK: found on the PATH or where its property says, it is
 * used; missing, the test is skipped with a message naming the tool, where it was looked for and how to install it;
 * missing under CI ({@code CI=true}), the test fails with that message.
 */
class ExternalToolTest {
  static final String PROPERTY = "external.tool.test.program";
  static final ExternalTool TOOL =
      new ExternalTool(
          "the test's tool",
          List.of(new ExternalTool.Program(PROPERTY, "some-tool")),
          "install it with .ci/install-some-tool");

  @TempDir Path bin;

  @AfterEach
  void clearProperty() {
    System.clearProperty(PROPERTY);
  }

  Path executable(String name) throws IOException {
    Path program = Files.createFile(bin.resolve(name));
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    return program;
  }

  @Test
  void aProgramNamedWithoutADirectoryIsFoundOnThePath() throws IOException {
    executable("some-tool");
    Map<String, String> environment = Map.of("PATH", "/nonexistent:" + bin);

    assertNull(TOOL.missing(environment));
    TOOL.require(Map.of("PATH", bin.toString(), "CI", "true"));
  }

  @Test
  void withoutItOutsideCiTheTestIsSkippedNamingTheToolWhereItWasLookedForAndHowToInstallIt() {
    TestAbortedException skipped =
        assertThrows(
            TestAbortedException.class, () -> TOOL.require(Map.of("PATH", bin.toString())));

    assertEquals(
        "Skipping: the test's tool not found (no executable some-tool on the PATH): install"
            + " it with .ci/install-some-tool. (Under CI=true this test fails instead.)",
        skipped.getMessage());
  }

  @Test
  void withoutItUnderCiTheTestFailsWithTheSameReason() {
    AssertionFailedError failed =
        assertThrows(
            AssertionFailedError.class,
            () -> TOOL.require(Map.of("PATH", bin.toString(), "CI", "true")));

    assertEquals(
        "CI=true, so a test whose tool is missing fails rather than skips: the test's tool not found (no"
            + " executable some-tool on the PATH): install it with .ci/install-some-tool",
        failed.getMessage());
  }

  @Test
  void thePropertyNamesTheProgramAndAFileThatIsNotExecutableIsNoProgram() throws IOException {
    Path notExecutable = Files.createFile(bin.resolve("plain-file"));
    System.setProperty(PROPERTY, notExecutable.toString());

    String missing = TOOL.missing(Map.of("PATH", bin.toString()));
    assertTrue(
        missing.contains("no executable " + notExecutable + " (from -D" + PROPERTY + ")"), missing);

    System.setProperty(PROPERTY, executable("elsewhere").toString());
    assertNull(TOOL.missing(Map.of()));
    assertEquals(bin.resolve("elsewhere"), TOOL.program());
  }

  @Test
  void aToolOfSeveralProgramsNamesEachOneMissing() throws IOException {
    ExternalTool pair =
        new ExternalTool(
            "a pair",
            List.of(
                new ExternalTool.Program(PROPERTY, "first"),
                new ExternalTool.Program(PROPERTY + ".second", bin.resolve("second").toString())),
            "install both");
    executable("first");

    assertEquals(
        "a pair not found (no executable " + bin.resolve("second") + "): install both",
        pair.missing(Map.of("PATH", bin.toString())));
  }

  @Test
  void onlyCiTrueIsCi() {
    assertTrue(ExternalTool.underCi(Map.of("CI", "true")));
    assertTrue(ExternalTool.underCi(Map.of("CI", "TRUE")));
    assertFalse(ExternalTool.underCi(Map.of()));
    assertFalse(ExternalTool.underCi(Map.of("CI", "false")));
  }
}

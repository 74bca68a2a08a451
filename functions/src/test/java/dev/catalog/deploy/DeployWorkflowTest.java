package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The deploy workflow builds what the verify job tested, without running the suite again and without AWS
 * credentials. SAM's Maven workflow runs {@code mvn clean install} in a copy of the functions' folder, where the
 * profile {@code alone} skips the tests; {@code MAVEN_OPTS} would skip running them even beside the emulator. A runner
 * without moto once failed there, after having been given production credentials.
 */
class DeployWorkflowTest {
  private static final Path WORKFLOW = Path.of(".github", "workflows", "deploy.yml");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deployJob() throws IOException {
    try (InputStream in = Files.newInputStream(WORKFLOW)) {
      var workflow =
          (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      return (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("deploy");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps() throws IOException {
    return (List<Map<String, Object>>) deployJob().get("steps");
  }

  private static int index(List<Map<String, Object>> steps, String what) {
    return IntStream.range(0, steps.size())
        .filter(
            i -> {
              Map<String, Object> step = steps.get(i);
              return String.valueOf(step.get("run")).strip().startsWith(what)
                  || String.valueOf(step.get("uses")).startsWith(what);
            })
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step runs or uses " + what + " in " + WORKFLOW));
  }

  @Test
  void theDeployRunsOnlyAfterTheVerifyJobPassedOnTheSameCommit() throws IOException {
    assertEquals("verify", deployJob().get("needs"));
  }

  @Test
  void samBuildSkipsTheTestsTheVerifyJobRan() throws IOException {
    List<Map<String, Object>> steps = steps();
    Map<String, Object> build = steps.get(index(steps, "sam build"));
    Object env = build.get("env");
    assertTrue(
        env instanceof Map<?, ?> variables
            && String.valueOf(variables.get("MAVEN_OPTS")).contains("-DskipTests=true"),
        "sam build runs mvn clean install: MAVEN_OPTS must carry -DskipTests=true (a bare -DskipTests is \"\" there,"
            + " which surefire reads as false): "
            + build);
  }

  @Test
  void awsCredentialsAreTakenAfterTheBuildAndBeforeTheDeploy() throws IOException {
    List<Map<String, Object>> steps = steps();
    int build = index(steps, "sam build");
    int credentials = index(steps, "aws-actions/configure-aws-credentials");
    int deploy = index(steps, "sam deploy");
    assertTrue(
        build < credentials && credentials < deploy,
        "build (step "
            + build
            + "), then credentials ("
            + credentials
            + "), then deploy ("
            + deploy
            + ")");
  }
}

package dev.catalog.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.dynamodb.DynamoDbTarget;
import dev.catalog.local.dynamodb.TemplateTables;
import dev.catalog.template.TemplateException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The parts of the extension that decide and explain, without starting any DynamoDB. */
class DynamoDbLocalSetupTest {

  @Test
  void dynamoDbLocalIsTheDefaultTarget() {
    assertEquals(DynamoDbTarget.Kind.LOCAL, DynamoDbTarget.select(null, null));
    assertEquals(DynamoDbTarget.Kind.LOCAL, DynamoDbTarget.select(" ", ""));
  }

  @Test
  void localStackIsChosenByPropertyOrEnvironmentAndThePropertyWins() {
    assertEquals(DynamoDbTarget.Kind.LOCALSTACK, DynamoDbTarget.select("localstack", null));
    assertEquals(DynamoDbTarget.Kind.LOCALSTACK, DynamoDbTarget.select(null, "LocalStack"));
    assertEquals(DynamoDbTarget.Kind.LOCAL, DynamoDbTarget.select("local", "localstack"));
  }

  @Test
  void unknownTargetIsRejectedListingTheChoices() {
    var error =
        assertThrows(IllegalArgumentException.class, () -> DynamoDbTarget.select("dynalite", null));
    assertTrue(
        error.getMessage().contains("'dynalite'") && error.getMessage().contains("'localstack'"),
        error.getMessage());
  }

  @Test
  void localStackWithoutDockerAbortsTheTestsWithTheSkipMessage() {
    var aborted =
        assertThrows(TestAbortedException.class, () -> DynamoDbLocal.requireDocker(false));
    assertEquals(
        "Assumption failed: Docker is not available: skipping tests against LocalStack",
        aborted.getMessage());
    assertDoesNotThrow(() -> DynamoDbLocal.requireDocker(true));
  }

  @Test
  void missingTemplateFailsBeforeAnyDynamoDbIsStarted() {
    Path missing = Path.of("missing", "template.yaml");
    // The template is read first, so no extension context is needed to see this failure.
    var error =
        assertThrows(TemplateException.class, () -> new DynamoDbLocal(missing).beforeAll(null));
    assertEquals("Template not found: " + missing.toAbsolutePath(), error.getMessage());
  }

  @Test
  void usingTheExtensionBeforeItStartedExplainsHowToRegisterIt() {
    var error = assertThrows(IllegalStateException.class, () -> new DynamoDbLocal().client());
    assertTrue(
        error.getMessage().contains("static field with @RegisterExtension"), error.getMessage());
  }

  @Test
  void theTestJvmAllowsNativeAccessSoSqliteLoadsWithoutAWarning()
      throws ReflectiveOperationException {
    Object enabled;
    try {
      // Final API from Java 22, a preview in 21: called reflectively so the test compiles for 21.
      enabled = Module.class.getMethod("isNativeAccessEnabled").invoke(getClass().getModule());
    } catch (NoSuchMethodException notInThisJdk) {
      enabled =
          java.lang.management.ManagementFactory.getRuntimeMXBean()
              .getInputArguments()
              .contains("--enable-native-access=ALL-UNNAMED");
    }
    assertEquals(
        Boolean.TRUE, enabled, "surefire's argLine must carry --enable-native-access=ALL-UNNAMED");
  }

  @Test
  void physicalNamesDropTheTableSuffixAndUseKebabCase() {
    assertEquals("products-ab12", TemplateTables.physicalName("ProductsTable", "ab12"));
    assertEquals("order-items-ab12", TemplateTables.physicalName("OrderItemsTable", "ab12"));
    assertEquals("table-ab12", TemplateTables.physicalName("Table", "ab12"));
  }
}

package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.TemplateFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the tool itself stops it with one line naming the problem (and exit status 1 from {@code main}),
 * never a stack trace; whatever had started is stopped again.
 */
class BadInputTest {
  /** What {@code ./mvnw -Plocal} prints on standard error for these options, and that it did not start. */
  static String failure(LocalOptions options) {
    CapturedConsole out = new CapturedConsole();
    CapturedConsole err = new CapturedConsole();
    assertNull(LocalMain.start(options, out.stream(), err.stream()), "it started");
    List<String> lines = err.lines();
    assertEquals(1, lines.size(), err::text);
    assertTrue(lines.get(0).startsWith("local: "), lines::toString);
    assertEquals("", out.text());
    return lines.get(0);
  }

  static LocalOptions template(Path template, int port) {
    return new LocalOptions(template, port, null, null, 0, false, null, null);
  }

  @Test
  void aTemplateThatDoesNotParseIsNamedWithTheYamlError() {
    Path broken = TemplateFixtures.path("broken/not-yaml.yaml");
    String line = failure(template(broken, 0));

    assertTrue(line.contains(broken.toString()) && line.contains("is not valid YAML"), line);
  }

  @Test
  void aHandlerThatNamesNoClassIsNamedWithItsFunction() {
    String line =
        failure(template(TemplateFixtures.path("local-broken/handler-names-no-class.yaml"), 0));

    assertEquals(
        "local: GetProductFunction Handler dev.catalog.products.NoSuchHandler::handleRequest names no class"
            + " on the class path (build with ./mvnw -Plocal, or fix the Handler in the template)",
        line);
  }

  @Test
  void aReferenceToATableTheTemplateDoesNotDefineIsNamed() {
    String line = failure(template(TemplateFixtures.path("local-broken/missing-table.yaml"), 0));

    assertTrue(
        line.contains("ListProductsFunction Environment.Variables.PRODUCTS_TABLE")
            && line.contains("'OrdersTable' is neither a parameter nor a resource of the template"),
        line);
  }

  @Test
  void aStreamConsumerWhoseRoleCannotSendToItsOnFailureQueueIsRefusedWithLambdasMessage() {
    Path template = TemplateFixtures.path("local-broken/stream-consumer-cannot-send.yaml");
    String line = failure(template(template, 0));

    assertEquals(
        "local: "
            + template
            + ": OrdersStreamMapping: Lambda refuses to create the event source mapping to"
            + " CannotSendFunction: The provided execution role does not have permissions to call SendMessage on SQS"
            + " (User: arn:aws:sts::123456789012:assumed-role/CannotSendFunctionRole/CannotSendFunction is not authorized"
            + " to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:123456789012:local-FailureQueue because no"
            + " identity-based policy allows the sqs:SendMessage action)",
        line);
  }

  @Test
  void aPortInUseIsNamedWithTheWaysToChooseAnother() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String line = failure(template(Path.of("template.yaml"), taken.getLocalPort()));

      assertEquals(
          "local: Port "
              + taken.getLocalPort()
              + " on 127.0.0.1 is in use: stop what listens there, or"
              + " choose another port with PORT=N or -Dport=N",
          line);
    }
  }

  @Test
  void aMissingTemplateIsNamed() {
    String line = failure(template(Path.of("no-such-template.yaml"), 0));

    assertEquals(
        "local: Template not found: " + Path.of("no-such-template.yaml").toAbsolutePath(), line);
  }

  @Test
  void badSettingsAreNamedBeforeAnythingStarts() {
    CapturedConsole err = new CapturedConsole();
    Properties properties = new Properties();
    properties.setProperty("port", "http");

    assertEquals(1, assertDoesNotExit(properties, err));
    assertEquals(List.of("local: -Dport=http is not a whole number from 0 to 65535"), err.lines());
  }

  static int assertDoesNotExit(Properties properties, CapturedConsole err) {
    try {
      return LocalMain.run(properties, Map.of(), new CapturedConsole().stream(), err.stream());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}

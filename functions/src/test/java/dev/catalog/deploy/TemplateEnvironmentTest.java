package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.catalog.template.SamTemplate;
import dev.catalog.testing.DynamoDbLocal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every variable the functions read is declared in the template, in Globals or by the function that reads it: sam
 * local's {@code --env-vars} overrides declared variables only, so an undeclared one (DYNAMODB_ENDPOINT once) cannot
 * be set under sam local at all.
 */
class TemplateEnvironmentTest {
  /** Set by Lambda itself, not by the template. */
  private static final Pattern LAMBDA_RESERVED =
      Pattern.compile("AWS_.*|_HANDLER|_X_AMZN_TRACE_ID|LAMBDA_.*");

  private static final Pattern READ =
      Pattern.compile("Environment\\.(?:get|require)\\(\"([A-Z0-9_]+)\"\\)");

  static Set<String> variablesTheCodeReads() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("functions", "src", "main", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher matcher = READ.matcher(Files.readString(file));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    names.removeIf(name -> LAMBDA_RESERVED.matcher(name).matches());
    return names;
  }

  @Test
  void everyVariableTheFunctionsReadIsDeclaredInTheTemplateSoSamLocalCanSetIt() throws IOException {
    SamTemplate template = SamTemplate.load(DynamoDbLocal.TEMPLATE);
    Set<String> read = variablesTheCodeReads();
    assertFalse(read.isEmpty(), "the scan found Environment reads");
    read.removeAll(template.globalEnvironment().keySet());
    template
        .functions()
        .values()
        .forEach(function -> read.removeAll(function.environment().keySet()));
    assertEquals(
        Set.of(),
        read,
        "variables read by src/main/java but declared by no function of the template");
  }

  @Test
  void theDynamoDbEndpointIsDeclaredEmptySoTheCloudUsesTheRegionalEndpoint() {
    SamTemplate template = SamTemplate.load(DynamoDbLocal.TEMPLATE);
    assertEquals("", template.globalEnvironment().get("DYNAMODB_ENDPOINT"));
  }
}

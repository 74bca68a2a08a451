package dev.catalog.template;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.TemplateFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a template can be unusable ends in one {@link TemplateException} whose message says what and where. */
class BrokenTemplateTest {

  private static String failure(Path file) {
    return assertThrows(TemplateException.class, () -> SamTemplate.load(file)).getMessage();
  }

  @Test
  void missingFileIsNamedWithItsAbsolutePath() {
    Path missing = Path.of("no-such-dir", "template.yaml");
    String message = failure(missing);
    assertTrue(message.equals("Template not found: " + missing.toAbsolutePath()), message);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            not-yaml.yaml                       | is not valid YAML | line 5
            duplicate-key.yaml                  | is not valid YAML | found duplicate key ProductsTable
            unknown-tag.yaml                    | is not valid YAML | !Reff
            top-level-list.yaml                 | must be a YAML mapping at the top level |
            no-resources.yaml                   | Resources is missing or empty |
            no-transform.yaml                   | Transform must include AWS::Serverless-2016-10-31 |
            no-handler.yaml                     | Resources.GetProductFunction.Properties.Handler is missing |
            bad-handler.yaml                    | Resources.GetProductFunction.Properties.Handler 'dev.catalog.products.GetProductHandler:handleRequest' is not of the form package.Class::method |
            bad-route-path.yaml                 | Resources.GetProductFunction.Properties.Events.Get.Properties: path 'products/{id}' must start with '/' |
            greedy-not-last.yaml                | Resources.FilesFunction.Properties.Events.Files.Properties: path '/files/{proxy+}/meta': a greedy parameter must be the last segment |
            duplicate-route.yaml                | route GET /products/{id} is served by both GetProductFunction and OtherGetFunction |
            undefined-key-attribute.yaml        | Resources.ProductsTable.Properties.AttributeDefinitions does not define key attribute 'sku' |
            provisioned-without-throughput.yaml | Resources.ProductsTable.Properties.ProvisionedThroughput is required when BillingMode is PROVISIONED |
            bad-attribute-type.yaml             | Resources.ProductsTable.Properties.AttributeDefinitions[0].AttributeType 'STRING' is not one of [S, N, B] |
            intrinsic-billing-mode.yaml         | Resources.ProductsTable.Properties.BillingMode must be a plain value, found intrinsic Fn::If |
            """)
  void brokenTemplateFailsWithMessageNamingFileAndPlace(
      String fixture, String problem, String detail) {
    Path file = TemplateFixtures.path("broken/" + fixture);
    String message = failure(file);
    assertTrue(message.startsWith("Template " + file) || message.startsWith(file + ": "), message);
    assertTrue(message.contains(problem), message);
    assertTrue(detail == null || message.contains(detail), message);
  }
}

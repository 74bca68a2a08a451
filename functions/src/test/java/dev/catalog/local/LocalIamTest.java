package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.dynamodb.EmbeddedDynamoDb;
import dev.catalog.testing.TemplateFixtures;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./mvnw -Plocal} enforces each function's template policy by default, and says so in its ready line; a call
 * outside the policy fails as in AWS, with the AccessDeniedException on the console. {@code -Dlocal.iam=off} lets
 * every call through. It applies to an outside DynamoDB ({@code -Dlocal.dynamodb=URL}) as to the one started here. The
 * fixture's GetProductFunction has no policy at all.
 */
class LocalIamTest {
  static LocalOptions options(boolean iam) {
    return options(iam, null);
  }

  static LocalOptions options(boolean iam, URI dynamodb) {
    return new LocalOptions(
        TemplateFixtures.path("local-iam.yaml"),
        0,
        null,
        null,
        0,
        false,
        null,
        null,
        iam,
        dynamodb);
  }

  @Test
  void
      byDefaultACallOutsideThePolicyFailsWithAccessDeniedOnTheConsoleAndTheReadyLineSaysIamIsEnforced() {
    CapturedConsole out = new CapturedConsole();
    try (LocalServices services =
        LocalMain.start(options(true), out.stream(), new CapturedConsole().stream())) {
      assertNotNull(services, out::text);
      assertTrue(
          out.readyLine().contains("; IAM enforced from the template's policies"), out::text);
      HttpResponse<String> response = Requests.send(Requests.to(services.api(), "/products/p-1"));
      assertEquals(500, response.statusCode());
      assertTrue(
          out.lines().stream()
              .anyMatch(
                  line ->
                      line.startsWith(
                          "[GetProductFunction] AccessDeniedException:"
                              + " User: arn:aws:sts::123456789012:assumed-role/GetProductFunctionRole/GetProductFunction is not authorized"
                              + " to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/")),
          out::text);
    }
  }

  @Test
  void withIamOffEveryCallGoesThroughAndTheReadyLineSaysSo() {
    CapturedConsole out = new CapturedConsole();
    try (LocalServices services =
        LocalMain.start(options(false), out.stream(), new CapturedConsole().stream())) {
      assertNotNull(services, out::text);
      assertTrue(out.readyLine().contains("; IAM not enforced (-Dlocal.iam=off)"), out::text);
      assertEquals(404, Requests.send(Requests.to(services.api(), "/products/p-1")).statusCode());
    }
  }

  @Test
  void withAnOutsideDynamoDbTheTablesAreCreatedThereAndIamIsEnforcedInFrontOfIt() {
    CapturedConsole out = new CapturedConsole();
    try (EmbeddedDynamoDb outside = EmbeddedDynamoDb.start();
        DynamoDbClient admin = outside.newClient();
        LocalServices services =
            LocalMain.start(
                options(true, outside.endpoint()), out.stream(), new CapturedConsole().stream())) {
      assertNotNull(services, out::text);
      assertTrue(
          out.readyLine().contains("; DynamoDB at " + outside.endpoint() + "; IAM enforced"),
          out::text);
      assertTrue(admin.listTables().tableNames().contains("products-local"));
      assertEquals(500, Requests.send(Requests.to(services.api(), "/products/p-1")).statusCode());
      assertTrue(out.text().contains("[GetProductFunction] AccessDeniedException: "), out::text);
    }
  }
}

package dev.catalog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.local.auth.DevelopmentIssuer;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.SampleProducts;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Group names with separators in them, through the local API: its authorizer renders {@code cognito:groups} as API
 * Gateway does (the names joined by commas), so {@code helpdesk,catalog-admins} looks like two groups in the claims;
 * the functions read the groups from the token itself and grant none of these names.
 */
class GroupNamesLocalApiTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static LocalApi api;
  static DevelopmentIssuer pool;

  @BeforeAll
  static void start() {
    api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(new CapturedConsole().stream())
            .start();
    pool = api.auth().developmentIssuer().orElseThrow();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static HttpResponse<String> create(String id, List<String> groups) {
    return Requests.send(
        Requests.to(api, "/products")
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + pool.person("ann", groups).accessToken())
            .POST(BodyPublishers.ofString(SampleProducts.minimal(id).toString())));
  }

  @Test
  void aGroupWhoseNameHoldsAnEditorsGroupBetweenSeparatorsDoesNotWrite() {
    for (List<String> groups :
        List.of(
            List.of("helpdesk,catalog-editors"),
            List.of("helpdesk,catalog-admins"),
            List.of("[x", "catalog-admins]"),
            List.of("staff, catalog-editors"),
            List.of(" catalog-editors"))) {
      HttpResponse<String> response = create("groups-" + groups.hashCode(), groups);

      assertEquals(403, response.statusCode(), groups + " " + response.body());
      assertEquals(
          "application/problem+json",
          response.headers().firstValue("Content-Type").orElse(null),
          groups::toString);
    }
  }

  @Test
  void aUserInAnEditorsGroupAmongOthersWrites() {
    HttpResponse<String> response = create("groups-editor", List.of("helpdesk", "catalog-editors"));

    assertEquals(201, response.statusCode(), response::body);
  }
}

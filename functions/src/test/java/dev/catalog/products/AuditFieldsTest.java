package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.auth.DevelopmentIssuer;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.Role;
import dev.catalog.testing.SampleProducts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code createdBy} and {@code updatedBy}: the caller's {@code sub} for a person, the client id for a service, set by
 * the server on every write, shown in responses, ignored when a client sends them.
 */
class AuditFieldsTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static String editorSub() {
    return API.issuer().person("editor", List.of("catalog-editors")).subject();
  }

  @Test
  void aCreateRecordsThePersonsSubAsCreatorAndUpdaterWhateverTheBodySays() {
    ObjectNode body =
        SampleProducts.minimal("audit").put("createdBy", "mallory").put("updatedBy", "mallory");
    ApiResult created = API.post("/products").as(Role.EDITOR).json(body.toString()).send();

    assertEquals(201, created.status(), created::toString);
    assertEquals(editorSub(), created.json().path("createdBy").asText());
    assertEquals(editorSub(), created.json().path("updatedBy").asText());
    assertEquals(created.json(), API.get("/products/" + created.createdId()).send().json());
  }

  @Test
  void aServicesPatchRecordsItsClientIdAsUpdaterAndKeepsTheCreator() {
    String id =
        API.post("/products")
            .as(Role.EDITOR)
            .json(SampleProducts.minimal("audit").toString())
            .send()
            .createdId();

    JsonNode patched =
        API.patch("/products/" + id)
            .as(Role.WRITE_SERVICE)
            .mergePatch("{\"stock\": 3}")
            .send()
            .json();

    assertEquals(editorSub(), patched.path("createdBy").asText());
    assertEquals(DevelopmentIssuer.SERVICE_CLIENT, patched.path("updatedBy").asText());
  }

  @Test
  void aReplaceByAnotherPersonKeepsTheCreatorAndRecordsTheNewUpdater() {
    String id =
        API.post("/products")
            .as(Role.EDITOR)
            .json(SampleProducts.minimal("audit").toString())
            .send()
            .createdId();

    JsonNode replaced =
        API.put("/products/" + id)
            .as(Role.ADMIN)
            .json(
                SampleProducts.minimal("audit")
                    .put("stock", 4)
                    .put("createdBy", "mallory")
                    .toString())
            .send()
            .json();

    assertEquals(editorSub(), replaced.path("createdBy").asText());
    assertEquals(
        API.issuer().person("admin", List.of("catalog-admins")).subject(),
        replaced.path("updatedBy").asText());
  }

  @Test
  void aPatchOfTheAuditFieldsAloneChangesNothing() {
    String id =
        API.post("/products")
            .as(Role.EDITOR)
            .json(SampleProducts.minimal("audit").toString())
            .send()
            .createdId();
    JsonNode before = API.get("/products/" + id).send().json();

    ApiResult patched =
        API.patch("/products/" + id)
            .as(Role.ADMIN)
            .mergePatch("{\"createdBy\": \"mallory\", \"updatedBy\": \"mallory\"}")
            .send();

    assertEquals(200, patched.status(), patched::toString);
    assertEquals(
        before, patched.json(), "nothing a client may write changed, so nothing was written");
    assertFalse(patched.body().contains("mallory"));
  }
}

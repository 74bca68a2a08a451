package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PATCH /products/{id} with JSON Merge Patch (RFC 7396). */
class PatchProductTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static String create() {
    return API.post("/products").json(SampleProducts.full("kitchen").toString()).send().createdId();
  }

  @Test
  void patchChangesOnlyTheFieldsItNamesAndBumpsTheVersion() {
    String id = create();
    String created = API.get("/products/" + id).send().header("ETag");
    ApiResult patched =
        API.patch("/products/" + id).mergePatch("{\"price\": 19.99, \"stock\": 3}").send();

    assertEquals(200, patched.status(), patched::toString);
    assertEquals(2, patched.json().get("version").asInt());
    assertEquals(
        "\"2." + created.substring(3),
        patched.header("ETag"),
        "the same incarnation, the next version");
    JsonNode body = patched.json();
    assertEquals("19.99", body.get("price").decimalValue().toPlainString());
    assertEquals(3, body.get("stock").asInt());
    assertEquals("Stainless Steel Water Bottle", body.get("name").asText());
    assertEquals("EUR", body.get("currency").asText());
    assertEquals(body, API.get("/products/" + id).send().json());
  }

  @Test
  void patchWithNullRemovesAnOptionalFieldAndRestoresADefault() {
    String id = create();
    JsonNode body =
        API.patch("/products/" + id)
            .mergePatch("{\"description\": null, \"currency\": null}")
            .send()
            .json();

    assertNull(body.get("description"));
    assertEquals("USD", body.get("currency").asText());
  }

  @Test
  void patchReplacesArraysWhole() {
    String id = create();
    JsonNode body = API.patch("/products/" + id).mergePatch("{\"tags\": [\"sale\"]}").send().json();

    assertEquals(1, body.get("tags").size());
    assertEquals("sale", body.get("tags").get(0).asText());
  }

  @Test
  void patchValidatesTheMergedProductAsAWhole() {
    String id = create();
    String before = API.get("/products/" + id).send().body();

    ApiResult refused =
        API.patch("/products/" + id).mergePatch("{\"name\": null, \"price\": 1.999}").send();

    assertEquals(400, refused.status());
    assertEquals(2, refused.json().get("errors").size(), refused::toString);
    assertEquals(before, API.get("/products/" + id).send().body());
  }

  @Test
  void patchRefusesUnknownFields() {
    ApiResult refused =
        API.patch("/products/" + create()).mergePatch("{\"colour\": \"red\"}").send();

    assertEquals(400, refused.status());
    assertEquals("colour", refused.json().get("errors").get(0).get("field").asText());
  }

  @Test
  void patchOfAMissingProductIs404() {
    assertEquals(404, API.patch("/products/missing").mergePatch("{\"stock\": 1}").send().status());
  }

  @Test
  void patchNeedsTheMergePatchMediaType() {
    ApiResult refused = API.patch("/products/" + create()).json("{\"stock\": 1}").send();

    assertEquals(415, refused.status());
    assertEquals("application/merge-patch+json", refused.header("Accept-Patch"));
  }

  @Test
  void patchWithAStaleIfMatchIs412() {
    String id = create();
    String stale = API.get("/products/" + id).send().header("ETag");
    API.patch("/products/" + id).mergePatch("{\"stock\": 1}").send();

    assertEquals(
        412,
        API.patch("/products/" + id)
            .header("If-Match", stale)
            .mergePatch("{\"stock\": 2}")
            .send()
            .status());
    assertEquals(1, API.get("/products/" + id).send().json().get("stock").asInt());
  }

  @Test
  void patchWithAnIdThatIsNotThePathsIs400() {
    assertEquals(
        400, API.patch("/products/" + create()).mergePatch("{\"id\": \"other\"}").send().status());
  }

  @Test
  void patchRefusesAnUnknownMemberWhateverItsValueNullIncluded() {
    String id = create();
    String before = API.get("/products/" + id).send().body();

    ApiResult refused = API.patch("/products/" + id).mergePatch("{\"descripton\": null}").send();

    assertEquals(400, refused.status(), refused::toString);
    assertEquals("descripton", refused.json().get("errors").get(0).get("field").asText());
    assertEquals(before, API.get("/products/" + id).send().body());
  }

  @Test
  void patchListsEveryFailingFieldTheIdAndUnknownNullMembersAmongThem() {
    ApiResult refused =
        API.patch("/products/" + create())
            .mergePatch("{\"id\": \"other\", \"colour\": null, \"price\": \"x\", \"name\": null}")
            .send();

    assertEquals(400, refused.status(), refused::toString);
    assertEquals(Set.of("id", "colour", "price", "name"), PutProductTest.fields(refused));
  }
}

package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PUT /products/{id}: create under the client's id, replace, and the conditional forms. */
class PutProductTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static String newId() {
    return "sku-" + UUID.randomUUID();
  }

  @Test
  void putCreatesUnderTheClientsIdWith201AndLocation() {
    String id = newId();
    ApiResult created =
        API.put("/products/" + id).json(SampleProducts.full("garden").toString()).send();

    assertEquals(201, created.status(), created::toString);
    assertEquals("/products/" + id, created.header("Location"));
    assertEquals(1, created.json().get("version").asInt());
    assertEquals(created.header("ETag"), API.get("/products/" + id).send().header("ETag"));
    assertEquals(id, created.json().get("id").asText());
  }

  @Test
  void locationSpellsTheIdCanonicallyWhateverSpellingThePathUsed() {
    String id = newId();
    String spelt = "/products/" + id.replace("-", "%2D").replace("s", "%73");
    ApiResult created = API.put(spelt).json(SampleProducts.full("garden").toString()).send();

    assertEquals(201, created.status(), created::toString);
    assertEquals("/products/" + id, created.header("Location"));
    assertEquals(id, created.json().get("id").asText());
  }

  @Test
  void putReplacesWith200KeepingCreatedAtAndBumpingVersionAndUpdatedAt() throws Exception {
    String id = newId();
    ApiResult created =
        API.put("/products/" + id).json(SampleProducts.full("garden").toString()).send();
    JsonNode first = created.json();
    Thread.sleep(5); // so updatedAt can differ at millisecond precision
    ObjectNode replacement = SampleProducts.minimal("garden");
    ApiResult replaced = API.put("/products/" + id).json(replacement.toString()).send();

    assertEquals(200, replaced.status(), replaced::toString);
    assertEquals(2, replaced.json().get("version").asInt());
    assertEquals("\"2." + created.header("ETag").substring(3), replaced.header("ETag"));
    JsonNode body = replaced.json();
    assertEquals(first.get("createdAt"), body.get("createdAt"));
    assertNotEquals(first.get("updatedAt"), body.get("updatedAt"));
    assertEquals("Notebook", body.get("name").asText());
    assertEquals(
        null, body.get("description"), "a replace drops fields the new document leaves out");
    assertEquals("USD", body.get("currency").asText());
    assertEquals(body, API.get("/products/" + id).send().json());
  }

  @Test
  void putAcceptsAnIdInTheBodyOnlyWhenItMatchesThePath() {
    String id = newId();
    ObjectNode product = SampleProducts.minimal("garden");
    product.put("id", id);
    assertEquals(201, API.put("/products/" + id).json(product.toString()).send().status());

    product.put("id", "another-id");
    ApiResult refused = API.put("/products/" + id).json(product.toString()).send();
    assertEquals(400, refused.status());
    assertEquals("id", refused.json().get("errors").get(0).get("field").asText());
  }

  @Test
  void putWithAStaleIfMatchIs412AndChangesNothing() {
    String id = newId();
    String first =
        API.put("/products/" + id)
            .json(SampleProducts.full("garden").toString())
            .send()
            .header("ETag");
    API.put("/products/" + id)
        .json(SampleProducts.minimal("garden").toString())
        .send(); // now version 2
    String before = API.get("/products/" + id).send().body();

    ApiResult stale =
        API.put("/products/" + id)
            .header("If-Match", first)
            .json(SampleProducts.minimal("garden").toString())
            .send();

    assertEquals(412, stale.status(), stale::toString);
    assertEquals("application/problem+json", stale.header("Content-Type"));
    assertEquals(before, API.get("/products/" + id).send().body());
  }

  @Test
  void putWithTheCurrentIfMatchReplaces() {
    String id = newId();
    String etag =
        API.put("/products/" + id)
            .json(SampleProducts.full("garden").toString())
            .send()
            .header("ETag");

    for (String ifMatch : List.of(etag, "\"9\", \"2." + etag.substring(3), "*")) {
      assertEquals(
          200,
          API.put("/products/" + id)
              .header("If-Match", ifMatch)
              .json(SampleProducts.full("garden").put("stock", ifMatch.length()).toString())
              .send()
              .status(),
          ifMatch);
    }
  }

  @Test
  void putWithIfMatchOnAMissingProductIs412AndCreatesNothing() {
    String id = newId();
    ApiResult refused =
        API.put("/products/" + id)
            .header("If-Match", "*")
            .json(SampleProducts.minimal("garden").toString())
            .send();

    assertEquals(412, refused.status());
    assertEquals(404, API.get("/products/" + id).send().status());
  }

  @Test
  void putWithAWeakIfMatchIs412BecauseIfMatchComparesStrongly() {
    String id = newId();
    String etag =
        API.put("/products/" + id)
            .json(SampleProducts.full("garden").toString())
            .send()
            .header("ETag");

    assertEquals(
        412,
        API.put("/products/" + id)
            .header("If-Match", "W/" + etag)
            .json(SampleProducts.minimal("garden").toString())
            .send()
            .status());
  }

  @Test
  void putWithIfNoneMatchStarCreatesOnlyOnce() {
    String id = newId();
    String body = SampleProducts.minimal("garden").toString();

    ApiResult first = API.put("/products/" + id).header("If-None-Match", "*").json(body).send();
    assertEquals(201, first.status());
    ApiResult second = API.put("/products/" + id).header("If-None-Match", "*").json(body).send();
    assertEquals(412, second.status());
    assertEquals(first.header("ETag"), API.get("/products/" + id).send().header("ETag"));
  }

  @Test
  void putValidatesTheWholeDocument() {
    ObjectNode invalid = SampleProducts.minimal("garden");
    invalid.remove("name");
    invalid.put("price", -1);
    ApiResult refused = API.put("/products/" + newId()).json(invalid.toString()).send();

    assertEquals(400, refused.status());
    assertEquals(2, refused.json().get("errors").size(), refused::toString);
  }

  @Test
  void putListsEveryFailingFieldAnIdThatIsNotThePathsAmongThem() {
    ApiResult refused =
        API.put("/products/p1")
            .json("{\"id\":\"zz\",\"name\":\"\",\"price\":\"x\",\"colour\":\"red\"}")
            .send();

    assertEquals(400, refused.status(), refused::toString);
    assertEquals(Set.of("id", "name", "price", "colour", "category"), fields(refused));
    assertEquals(404, API.get("/products/p1").send().status());
  }

  static Set<String> fields(ApiResult refused) {
    Set<String> fields = new HashSet<>();
    refused.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }
}

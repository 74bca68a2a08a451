package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A PATCH or PUT that changes nothing writes nothing: 200 with the product as it is, same ETag and version. */
class UnchangedWriteTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static String create() {
    String id = "u-" + UUID.randomUUID();
    API.put("/products/" + id).json(SampleProducts.full("unchanged").toString()).send();
    return id;
  }

  static void assertUnchanged(ApiResult before, ApiResult answer) {
    assertEquals(200, answer.status(), answer::toString);
    assertEquals(before.header("ETag"), answer.header("ETag"));
    assertEquals(before.body(), answer.body());
  }

  @Test
  void aPatchThatChangesNothingWritesNothing() throws Exception {
    String id = create();
    ApiResult before = API.get("/products/" + id).send();
    Thread.sleep(5); // a write would stamp another updatedAt
    for (String patch :
        List.of(
            "{}",
            "{\"version\": 9, \"createdAt\": \"x\", \"updatedAt\": null}",
            "{\"id\": \"" + id + "\"}",
            "{\"price\": 2499e-2, \"stock\": 120, \"tags\": [\"outdoor\", \"bpa-free\"]}",
            "{\"name\": \"  Stainless Steel Water Bottle \", \"currency\": \"EUR\"}")) {
      assertUnchanged(before, API.patch("/products/" + id).mergePatch(patch).send());
      assertUnchanged(before, API.get("/products/" + id).send());
    }
  }

  @Test
  void aPatchThatChangesNothingStillHonoursItsPreconditions() {
    String id = create();
    ApiResult before = API.get("/products/" + id).send();

    assertEquals(
        412,
        API.patch("/products/" + id)
            .header("If-Match", "\"other\"")
            .mergePatch("{}")
            .send()
            .status());
    assertUnchanged(
        before,
        API.patch("/products/" + id)
            .header("If-Match", before.header("ETag"))
            .mergePatch("{}")
            .send());
  }

  @Test
  void aPutOfTheSameDocumentWritesNothing() throws Exception {
    String id = create();
    ApiResult before = API.get("/products/" + id).send();
    Thread.sleep(5);
    ObjectNode same = SampleProducts.full("unchanged");
    assertUnchanged(before, API.put("/products/" + id).json(same.toString()).send());
    assertUnchanged(before, API.put("/products/" + id).json(before.body()).send());
  }

  @Test
  void aPatchThatChangesOneValueWritesANewVersion() {
    String id = create();
    ApiResult before = API.get("/products/" + id).send();
    ApiResult changed = API.patch("/products/" + id).mergePatch("{\"stock\": 121}").send();

    assertEquals(200, changed.status());
    assertEquals(2, changed.json().get("version").asInt());
    assertEquals(false, before.header("ETag").equals(changed.header("ETag")));
  }
}

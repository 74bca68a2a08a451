package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.catalog.local.iam.IamCall;
import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * PUT and PATCH carry their preconditions in the condition of their one write: the condition decides as the
 * preconditions would on the stored product, for every form an If-Match or If-None-Match can take, for products of
 * every age, and for lists too long for a condition expression, which are decided on the product read first.
 */
class PreconditionsInTheWriteTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static String create() {
    String id = "pre-" + UUID.randomUUID();
    assertEquals(
        201,
        API.put("/products/" + id).json(SampleProducts.full("pre").toString()).send().status());
    return id;
  }

  static String etag(String id) {
    return API.get("/products/" + id).send().header("ETag");
  }

  /** The DynamoDB actions {@code call} made, in order, and its answer. */
  static ApiResult assertCalls(List<String> actions, int status, ApiCall call) {
    int before = API.dynamo().calls().size();
    ApiResult answer = call.send();
    List<IamCall> calls = API.dynamo().calls();
    assertEquals(status, answer.status(), answer::toString);
    assertEquals(
        actions,
        calls.subList(before, calls.size()).stream()
            .map(c -> c.action().substring("dynamodb:".length()))
            .toList(),
        answer::toString);
    return answer;
  }

  @Test
  void anIfMatchListPassesWhenOneStrongTagIsTheCurrentETagAndFailsWhenOnlyAWeakOneIs() {
    String id = create();
    String current = etag(id);
    assertEquals(
        412,
        API.patch("/products/" + id)
            .header("If-Match", "\"1.other\", W/" + current)
            .mergePatch("{\"stock\": 1}")
            .send()
            .status());
    assertEquals(
        200,
        API.patch("/products/" + id)
            .header("If-Match", "\"7.other\", W/" + current + ", " + current)
            .mergePatch("{\"stock\": 1}")
            .send()
            .status());
    assertEquals(
        412,
        API.put("/products/" + id)
            .header("If-Match", "\"x\", \"01." + current.substring(3))
            .json(SampleProducts.full("pre").toString())
            .send()
            .status(),
        "a version spelled otherwise never matches");
    assertEquals(2, API.get("/products/" + id).send().json().get("version").asInt());
  }

  @Test
  void anIfNoneMatchListNamingTheCurrentETagEvenWeaklyIs412AndOneNamingOthersLetsTheWriteProceed() {
    String id = create();
    String current = etag(id);
    assertEquals(
        412,
        API.patch("/products/" + id)
            .header("If-None-Match", "\"9.other\", W/" + current)
            .mergePatch("{\"stock\": 1}")
            .send()
            .status());
    assertEquals(
        412,
        API.put("/products/" + id)
            .header("If-None-Match", current)
            .json(SampleProducts.full("pre").toString())
            .send()
            .status());
    assertEquals(
        200,
        API.patch("/products/" + id)
            .header("If-None-Match", "\"9.other\", \"1\"")
            .mergePatch("{\"stock\": 1}")
            .send()
            .status());
    String absent = "pre-" + UUID.randomUUID();
    assertEquals(
        201,
        API.put("/products/" + absent)
            .header("If-None-Match", "\"1.any\"")
            .json(SampleProducts.full("pre").toString())
            .send()
            .status(),
        "no product matches no tag");
  }

  @Test
  void
      aRequestListingMoreTagsThanAConditionHoldsIsDecidedOnTheProductReadFirstAndStillWritesOnce() {
    String id = create();
    String current = etag(id);
    List<String> others = new ArrayList<>();
    for (int i = 0; i <= ProductConditions.MAX_TAGS; i++) {
      others.add("\"" + (100 + i) + ".other\"");
    }
    String many = String.join(", ", others);
    assertCalls(
        List.of("GetItem"),
        412,
        API.patch("/products/" + id).header("If-Match", many).mergePatch("{\"stock\": 5}"));
    ApiResult written =
        assertCalls(
            List.of("GetItem", "UpdateItem"),
            200,
            API.patch("/products/" + id)
                .header("If-Match", many + ", " + current)
                .mergePatch("{\"stock\": 5}"));
    assertEquals(2, written.json().get("version").asInt());
    assertCalls(
        List.of("GetItem"),
        404,
        API.patch("/products/absent-" + id).header("If-Match", many).mergePatch("{\"stock\": 5}"));
    assertCalls(
        List.of("GetItem", "UpdateItem"),
        201,
        API.put("/products/new-" + id)
            .header("If-None-Match", many)
            .json(SampleProducts.full("pre").toString()));
  }

  @Test
  void aPatchRemovingADescriptionTheProductNoLongerHasWritesNothing() {
    String id = create();
    ApiResult removed = API.patch("/products/" + id).mergePatch("{\"description\": null}").send();
    ApiResult again = API.patch("/products/" + id).mergePatch("{\"description\": null}").send();

    assertEquals(200, again.status(), again::toString);
    assertFalse(removed.json().has("description"));
    assertEquals(removed.header("ETag"), again.header("ETag"));
    assertEquals(removed.body(), again.body());
  }

  /** A product as stored before incarnations and createdBy existed: version 3, neither attribute. */
  static String storeOldProduct() {
    Product old = new Product();
    old.setId("old-" + UUID.randomUUID());
    old.setName("Old lamp");
    old.setPrice(new BigDecimal("19.9"));
    old.setCategory("pre");
    old.setCreatedAt(Instant.parse("2025-01-02T03:04:05.678Z"));
    old.setUpdatedAt(old.getCreatedAt());
    old.setVersion(3L);
    Map<String, AttributeValue> item =
        ProductTableSchema.SCHEMA.itemToMap(old.applyDefaults(), true);
    API.dynamo()
        .client()
        .putItem(put -> put.tableName(API.dynamo().tableName("ProductsTable")).item(item));
    return old.getId();
  }

  @Test
  void aPutOfAProductStoredBeforeIncarnationsReplacesItWithoutGivingItAnIncarnationOrACreator() {
    String id = storeOldProduct();
    assertEquals("\"3\"", etag(id));
    ApiResult replaced =
        assertCalls(
            List.of("UpdateItem", "UpdateItem"),
            200,
            API.put("/products/" + id)
                .header("If-Match", "\"3\"")
                .json(SampleProducts.minimal("pre").put("stock", 4).toString()));

    assertEquals(
        "\"4\"", replaced.header("ETag"), "the old form of ETag, until the product is deleted");
    assertEquals("2025-01-02T03:04:05.678Z", replaced.json().get("createdAt").asText());
    assertFalse(replaced.json().has("createdBy"), replaced::toString);
    Map<String, AttributeValue> item =
        API.dynamo()
            .client()
            .getItem(
                get ->
                    get.tableName(API.dynamo().tableName("ProductsTable"))
                        .key(Map.of("id", AttributeValue.fromS(id))))
            .item();
    assertNull(item.get("incarnation"));
    assertEquals("4", item.get("stock").n());
    assertEquals(
        200,
        API.patch("/products/" + id)
            .header("If-Match", "\"4\"")
            .mergePatch("{\"stock\": 5}")
            .send()
            .status());
    assertEquals("\"5\"", etag(id));
  }
}

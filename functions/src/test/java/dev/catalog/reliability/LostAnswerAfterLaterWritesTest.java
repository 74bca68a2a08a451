package dev.catalog.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.faults.Fault;
import dev.catalog.testing.faults.FaultPlan;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PUT or PATCH whose first attempt is applied but whose answer is lost: the SDK sends it again after other clients
 * have written the product. The retry finds its own token among the product's latest writes and is not applied a
 * second time, so every write makes exactly one version, whatever came in between.
 */
class LostAnswerAfterLaterWritesTest {
  @RegisterExtension static final ProductsApi API = ProductsApi.behindFaultProxy();

  /** The attempt is applied, and its connection reset 1.5 s later: the SDK sends it again. */
  static final Fault LOST = new Fault.ResetAfterForwarding(Duration.ofMillis(1500));

  /** Writes by other clients while the first attempt's answer is held back. */
  static final int LATER_WRITES = 3;

  @AfterEach
  void noMoreFaults() {
    API.faults().plan(FaultPlan.none());
  }

  static String create() {
    String id = "late-" + UUID.randomUUID();
    ApiResult created =
        API.put("/products/" + id)
            .json(SampleProducts.full(SampleProducts.uniqueCategory()).toString())
            .send();
    assertEquals(201, created.status(), created::toString);
    return id;
  }

  static long storedVersion(String id) {
    return API.get("/products/" + id).send().json().get("version").asLong();
  }

  /**
   * Sends {@code late} with its first UpdateItem attempt's answer lost, and, once that attempt is applied, {@link
   * #LATER_WRITES} patches of other clients, of the stock and the tags; returns the late write's answer.
   */
  static ApiResult withLaterWrites(String id, ApiCall late) throws Exception {
    API.faults().plan(FaultPlan.nth("UpdateItem", 1, LOST));
    CompletableFuture<ApiResult> answer = CompletableFuture.supplyAsync(late::send);
    long deadline = System.nanoTime() + Duration.ofMillis(1000).toNanos();
    while (storedVersion(id) != 2) {
      assertTrue(System.nanoTime() < deadline, "the late attempt was applied");
      Thread.sleep(10);
    }
    for (int i = 0; i < LATER_WRITES; i++) {
      ApiResult other =
          API.patch("/products/" + id)
              .mergePatch("{\"stock\": " + (100 + i) + ", \"tags\": [\"other-" + i + "\"]}")
              .send();
      assertEquals(200, other.status(), other::toString);
    }
    ApiResult result = answer.get();
    assertTrue(
        API.faults().calls("UpdateItem") >= 2 + LATER_WRITES,
        "the late attempt was sent again after the later writes");
    return result;
  }

  @Test
  void aPatchAppliedBeforeItsAnswerWasLostIsNotAppliedAgainAfterLaterWrites() throws Exception {
    String id = create();

    ApiResult answer =
        withLaterWrites(id, API.patch("/products/" + id).mergePatch("{\"stock\": 4242}"));

    assertEquals(200, answer.status(), answer::toString);
    JsonNode stored = API.get("/products/" + id).send().json();
    assertEquals(2 + LATER_WRITES, stored.get("version").asLong(), "one version per write");
    assertEquals(
        100 + LATER_WRITES - 1, stored.get("stock").asInt(), "the later writes' stock, kept");
    assertEquals(
        stored, answer.json(), "a PATCH overtaken by later writes answers the product now");
    assertEquals(
        API.get("/products/" + id).send().header("ETag"),
        answer.header("ETag"),
        "and the ETag of what it answers");
  }

  @Test
  void aConditionalPatchAppliedBeforeItsAnswerWasLostIsA200NotA412AfterLaterWrites()
      throws Exception {
    String id = create();
    String etag = API.get("/products/" + id).send().header("ETag");

    ApiResult answer =
        withLaterWrites(
            id,
            API.patch("/products/" + id).header("If-Match", etag).mergePatch("{\"stock\": 4243}"));

    assertEquals(200, answer.status(), "it was applied, on the version it named: " + answer);
    assertEquals(2 + LATER_WRITES, storedVersion(id), "one version per write");
  }

  @Test
  void aPutAppliedBeforeItsAnswerWasLostAnswersTheVersionItMadeAfterLaterWrites() throws Exception {
    String id = create();
    JsonNode before = API.get("/products/" + id).send().json();
    var document = SampleProducts.minimal(before.get("category").asText()).put("stock", 4244);

    ApiResult answer = withLaterWrites(id, API.put("/products/" + id).json(document.toString()));

    assertEquals(200, answer.status(), answer::toString);
    assertEquals(2 + LATER_WRITES, storedVersion(id), "one version per write");
    JsonNode written = answer.json();
    assertEquals(2, written.get("version").asLong(), "the version the PUT made");
    assertEquals(4244, written.get("stock").asInt());
    assertTrue(written.get("tags").isEmpty(), "the PUT's document, not a later patch's tags");
    assertEquals(before.get("createdAt"), written.get("createdAt"));
    assertEquals(before.get("createdBy"), written.get("createdBy"));
    assertTrue(answer.header("ETag").startsWith("\"2."), "the ETag of that version: " + answer);
  }

  @Test
  void aWriteDynamoDbAnswersSlowlyIsWaitedForAndNotSentAgain() {
    String id = create();
    API.faults().plan(FaultPlan.nth("UpdateItem", 1, new Fault.Delay(Duration.ofMillis(1500))));

    ApiResult answer = API.patch("/products/" + id).mergePatch("{\"stock\": 4245}").send();

    assertEquals(200, answer.status(), answer::toString);
    assertEquals(1, API.faults().calls("UpdateItem"), "one attempt, past the reads' 1 s");
    assertEquals(2, storedVersion(id));
  }
}

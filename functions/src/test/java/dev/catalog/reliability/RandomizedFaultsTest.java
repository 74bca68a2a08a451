package dev.catalog.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.faults.Fault;
import dev.catalog.testing.faults.FaultPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * 1,000 requests of every route, a tenth of them meeting a fault chosen at random (seeded: {@code -Dfaults.seed=N}
 * replays a run), then the whole table checked against a model of what the client was told ({@link ProductModel}):
 * every answered write stored once and as answered, every 503 either applied or not and nothing else, no 412 or 404
 * for a write the client's own lost attempt made, every keyed create once however often it was retried.
 */
class RandomizedFaultsTest {
  @RegisterExtension static final ProductsApi API = ProductsApi.behindFaultProxy();

  static final int OPERATIONS = 1000;
  static final int IDS = 12;
  static final List<Fault> FAULTS =
      List.of(
          Fault.Throttle.PROVISIONED_THROUGHPUT,
          Fault.Throttle.THROTTLING,
          Fault.ServerError.INTERNAL,
          Fault.ServerError.UNAVAILABLE,
          Fault.RESET_BEFORE,
          Fault.RESET_AFTER);

  private final long seed = Long.getLong("faults.seed", 20261128L);
  private final Random random = new Random(seed);
  private final String category = SampleProducts.uniqueCategory();
  private final Map<String, ProductModel> models = new HashMap<>();
  private final Map<String, String> keyedCreates = new HashMap<>();
  private final Set<String> unkeyedCreates = new HashSet<>();
  private int unkeyedUnknown;
  private int faultsMet;
  private int unavailable;
  private final List<String> log = new ArrayList<>();

  @Test
  void aThousandRequestsUnderRandomFaultsLeaveTheTableAsTheAnswersSaid() {
    for (int i = 0; i < IDS; i++) {
      models.put("r-" + i, new ProductModel());
    }
    for (int n = 0; n < OPERATIONS; n++) {
      String id = "r-" + random.nextInt(IDS);
      int kind = random.nextInt(8);
      Fault fault = random.nextInt(10) == 0 ? FAULTS.get(random.nextInt(FAULTS.size())) : null;
      // PUT and PATCH (kinds 1, 2, 5) write with UpdateItem and read nothing; the draw is kept, so
      // a seed still
      // replays the same requests and faults as before.
      boolean write = random.nextBoolean();
      String operation =
          switch (kind) {
            case 0 -> "GetItem";
            case 6 -> "TransactWriteItems";
            case 3, 4 -> write ? "DeleteItem" : "GetItem";
            case 1, 2, 5 -> "UpdateItem";
            default -> write ? "PutItem" : "GetItem";
          };
      boolean everyAttempt = random.nextInt(4) == 0;
      faultsMet += API.faults().injected();
      API.faults()
          .plan(
              fault == null
                  ? FaultPlan.none()
                  : everyAttempt
                      ? FaultPlan.always(operation, fault)
                      : FaultPlan.nth(operation, 1, fault));
      log.add(
          n
              + ": kind "
              + kind
              + " "
              + id
              + (fault == null
                  ? ""
                  : " " + fault + " on " + operation + (everyAttempt ? " always" : " once")));
      switch (kind) {
        case 0 -> get(id);
        case 1 -> put(id, false);
        case 2 -> put(id, true);
        case 3 -> delete(id, false);
        case 4 -> delete(id, true);
        case 5 -> patch(id, random.nextBoolean());
        case 6 -> postWithKey();
        default -> postWithoutKey();
      }
    }
    faultsMet += API.faults().injected();
    API.faults().plan(FaultPlan.none());
    assertTrue(faultsMet >= OPERATIONS / 20, "faults met: " + faultsMet);
    assertTrue(unavailable >= OPERATIONS / 50, "503 answers: " + unavailable);
    checkTable();
  }

  private void get(String id) {
    ApiResult answer = send(API.get("/products/" + id));
    ProductModel model = models.get(id);
    switch (answer.status()) {
      case 200 -> model.is(present(answer));
      case 404 -> expect(model.mayBeAbsent(), "404 for a product that exists", answer);
      case 503 -> {}
      default -> unexpected(answer);
    }
    if (answer.status() == 404) {
      model.is(ProductModel.State.ABSENT);
    }
  }

  private void put(String id, boolean ifMatch) {
    int stock = random.nextInt(1000);
    ProductModel model = models.get(id);
    ProductModel.State known = model.known();
    String etag = ifMatch && known != null && known.etag() != null ? known.etag() : null;
    ApiCall call =
        API.put("/products/" + id)
            .json(SampleProducts.minimal(category).put("stock", stock).toString());
    ApiResult answer = send(etag == null ? call : call.header("If-Match", etag));
    switch (answer.status()) {
      case 200, 201 -> model.is(present(answer));
      case 412 -> fail("412 for an If-Match the client knew to be current: " + answer + context());
      case 503 -> model.mayAlsoBe(new ProductModel.State(true, stock, null));
      default -> unexpected(answer);
    }
  }

  private void patch(String id, boolean ifMatch) {
    int stock = random.nextInt(1000);
    ProductModel model = models.get(id);
    ProductModel.State known = model.known();
    String etag = ifMatch && known != null && known.etag() != null ? known.etag() : null;
    ApiCall call = API.patch("/products/" + id).mergePatch("{\"stock\": " + stock + "}");
    ApiResult answer = send(etag == null ? call : call.header("If-Match", etag));
    switch (answer.status()) {
      case 200 -> model.is(present(answer));
      case 404 -> {
        expect(model.mayBeAbsent(), "404 for a product that exists", answer);
        model.is(ProductModel.State.ABSENT);
      }
      case 412 -> fail("412 for an If-Match the client knew to be current: " + answer + context());
      case 503 -> {
        if (model.mayExist()) {
          model.mayAlsoBe(new ProductModel.State(true, stock, null));
        }
      }
      default -> unexpected(answer);
    }
  }

  private void delete(String id, boolean ifMatch) {
    ProductModel model = models.get(id);
    ProductModel.State known = model.known();
    String etag = ifMatch && known != null && known.etag() != null ? known.etag() : null;
    ApiCall call = API.delete("/products/" + id);
    ApiResult answer = send(etag == null ? call : call.header("If-Match", etag));
    switch (answer.status()) {
      case 204 -> model.is(ProductModel.State.ABSENT);
      case 404 -> {
        expect(model.mayBeAbsent(), "404 for a product that exists", answer);
        model.is(ProductModel.State.ABSENT);
      }
      case 412 -> fail("412 for an If-Match the client knew to be current: " + answer + context());
      case 503 -> model.mayAlsoBe(ProductModel.State.ABSENT);
      default -> unexpected(answer);
    }
  }

  /** A keyed create, retried with the same key and body while it gets 503, as docs/contract.md tells clients to. */
  private void postWithKey() {
    String key = "k-" + random.nextLong();
    String body = SampleProducts.minimal(category + "-keyed").toString();
    for (int attempt = 1; attempt <= 5; attempt++) {
      ApiResult answer = send(API.post("/products").json(body).header("Idempotency-Key", key));
      if (answer.status() == 201) {
        keyedCreates.put(key, answer.createdId());
        return;
      }
      if (answer.status() != 503) {
        unexpected(answer);
      }
      API.faults().plan(FaultPlan.none());
    }
    fail("a keyed create still 503 after 5 attempts without faults" + context());
  }

  private void postWithoutKey() {
    ApiResult answer =
        send(API.post("/products").json(SampleProducts.minimal(category + "-unkeyed").toString()));
    switch (answer.status()) {
      case 201 -> unkeyedCreates.add(answer.createdId());
      case 503 -> unkeyedUnknown++;
      default -> unexpected(answer);
    }
  }

  private void checkTable() {
    Map<String, Map<String, AttributeValue>> stored = TableSnapshot.of(API, category).products();
    for (var model : models.entrySet()) {
      Map<String, AttributeValue> item = stored.get(model.getKey());
      ProductModel.State state =
          item == null
              ? ProductModel.State.ABSENT
              : new ProductModel.State(
                  true,
                  Integer.parseInt(item.get("stock").n()),
                  "\"" + item.get("version").n() + "." + item.get("incarnation").s() + "\"");
      assertTrue(
          model.getValue().allows(state),
          () ->
              model.getKey()
                  + " is "
                  + state
                  + ", the answers allowed "
                  + model.getValue().possible()
                  + " (seed "
                  + seed
                  + ")");
    }
    TableSnapshot keyed = TableSnapshot.of(API, category + "-keyed");
    assertEquals(
        Set.copyOf(keyedCreates.values()),
        keyed.products().keySet(),
        "each keyed create once, under the id it answered (seed " + seed + ")");
    for (var record : keyed.idempotencyRecords().values()) {
      String id =
          record.get("location").s().substring(record.get("location").s().lastIndexOf('/') + 1);
      Map<String, AttributeValue> product = keyed.products().get(id);
      if (product != null) {
        assertEquals(
            record.get("etag").s(),
            "\"" + product.get("version").n() + "." + product.get("incarnation").s() + "\"",
            "the idempotency record answers with the product stored");
      }
    }
    assertEquals(
        keyedCreates.size(),
        keyed.idempotencyRecords().keySet().stream()
            .filter(key -> keyedCreates.containsKey(key.substring(key.lastIndexOf(' ') + 1)))
            .count());
    Set<String> unkeyed = TableSnapshot.of(API, category + "-unkeyed").products().keySet();
    assertTrue(
        unkeyed.containsAll(unkeyedCreates), "every answered create stored (seed " + seed + ")");
    assertTrue(
        unkeyed.size() - unkeyedCreates.size() <= unkeyedUnknown,
        "no create stored but those answered and those answered 503 (seed " + seed + ")");
  }

  private ApiResult send(ApiCall call) {
    ApiResult answer = call.send();
    if (answer.status() == 503) {
      unavailable++;
    }
    assertTrue(
        answer.status() < 500 || answer.status() == 503,
        () -> "a " + answer.status() + ": " + answer + context());
    return answer;
  }

  private static ProductModel.State present(ApiResult answer) {
    return new ProductModel.State(true, answer.json().path("stock").asInt(), answer.header("ETag"));
  }

  private void expect(boolean allowed, String what, ApiResult answer) {
    assertTrue(allowed, () -> what + ": " + answer + context());
  }

  private void unexpected(ApiResult answer) {
    fail("unexpected answer " + answer + context());
  }

  private String context() {
    return " (seed "
        + seed
        + "; last operations: "
        + log.subList(Math.max(0, log.size() - 5), log.size())
        + ")";
  }
}

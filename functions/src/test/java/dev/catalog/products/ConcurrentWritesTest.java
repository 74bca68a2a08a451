package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Optimistic concurrency under real races: writers holding the same ETag, released together. */
class ConcurrentWritesTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  static String create() {
    return API.post("/products").json(SampleProducts.minimal("race").toString()).send().createdId();
  }

  /** Sends {@code count} calls at once (as close as threads allow) and returns their statuses. */
  static List<Integer> race(int count, Function<Integer, ApiCall> call) throws Exception {
    return HotProductWritesTest.race(count, call).stream().map(ApiResult::status).toList();
  }

  @RepeatedTest(5)
  void twoPatchesWithTheSameIfMatchExactlyOneWins() throws Exception {
    String id = create();
    String etag = API.get("/products/" + id).send().header("ETag");
    List<Integer> statuses =
        race(
            2,
            i ->
                API.patch("/products/" + id)
                    .header("If-Match", etag)
                    .mergePatch("{\"stock\": " + (i + 10) + "}"));

    assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
    assertEquals(2, API.get("/products/" + id).send().json().get("version").asInt());
  }

  @RepeatedTest(5)
  void twoPutsWithTheSameIfMatchExactlyOneWins() throws Exception {
    String id = create();
    String etag = API.get("/products/" + id).send().header("ETag");
    List<Integer> statuses =
        race(
            2,
            i ->
                API.put("/products/" + id)
                    .header("If-Match", etag)
                    .json(SampleProducts.minimal("race-" + i).toString()));

    assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
  }

  @Test
  void twoCreateOnlyPutsExactlyOneCreates() throws Exception {
    String id = "race-" + System.nanoTime();
    List<Integer> statuses =
        race(
            2,
            i ->
                API.put("/products/" + id)
                    .header("If-None-Match", "*")
                    .json(SampleProducts.minimal("race").toString()));

    assertEquals(List.of(201, 412), statuses.stream().sorted().toList());
  }

  @Test
  void unconditionalWritesRacingAllSucceedAndEveryOneCountsInTheVersion() throws Exception {
    String id = create();
    int writers = 6;
    List<Integer> statuses =
        race(
            writers,
            i -> API.patch("/products/" + id).mergePatch("{\"stock\": " + (i + 100) + "}"));

    assertEquals(
        writers, statuses.stream().filter(status -> status == 200).count(), statuses::toString);
    assertEquals(1 + writers, API.get("/products/" + id).send().json().get("version").asInt());
  }

  /**
   * When the delete wins, the PATCH finds no product: 404, not 412, since a server ignores the preconditions of a
   * request it would answer with neither 2xx nor 412 without them (RFC 9110, 13.2.1); when the PATCH wins, the
   * delete's If-Match no longer matches: 412.
   */
  @RepeatedTest(3)
  void aDeleteAndAPatchWithTheSameIfMatchExactlyOneWins() throws Exception {
    String id = create();
    String etag = API.get("/products/" + id).send().header("ETag");
    List<Integer> statuses =
        race(
            2,
            i ->
                i == 0
                    ? API.delete("/products/" + id).header("If-Match", etag)
                    : API.patch("/products/" + id)
                        .header("If-Match", etag)
                        .mergePatch("{\"stock\": 9}"));

    boolean deleted = statuses.get(0) == 204;
    assertEquals(deleted ? List.of(204, 404) : List.of(412, 200), statuses);
    assertEquals(deleted ? 404 : 200, API.get("/products/" + id).send().status());
  }
}

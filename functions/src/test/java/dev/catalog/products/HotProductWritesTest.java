package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.iam.IamCall;
import dev.catalog.testing.ApiCall;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A product on sale: many writers setting its stock and price at once, without preconditions. Each PUT and PATCH is
 * one conditional UpdateItem, so none of them is refused for another's sake: every one answers 200, makes exactly one
 * version, and the product ends as the last of them left it. Runs in-process and, in the contract-over-http
 * execution, through the local API over HTTP.
 */
class HotProductWritesTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  /** A product with every field set, under a fresh id; returns its id. */
  static String create() {
    String id = "hot-" + UUID.randomUUID();
    ApiResult created =
        API.put("/products/" + id).json(SampleProducts.full("sale").toString()).send();
    assertEquals(201, created.status(), created::toString);
    return id;
  }

  /** Sends {@code count} calls at once (as close as threads allow) and returns their answers, in call order. */
  static List<ApiResult> race(int count, Function<Integer, ApiCall> call) throws Exception {
    int callsBefore = API.dynamo().calls().size();
    try {
      return raceOnce(count, call);
    } finally {
      List<IamCall> calls = API.dynamo().calls();
      retriedWrites =
          (int)
                  calls.subList(callsBefore, calls.size()).stream()
                      .filter(c -> c.action().equals("dynamodb:UpdateItem"))
                      .count()
              - count;
    }
  }

  /**
   * UpdateItem attempts of the last race beyond one per request: the SDK's retries after a failure that came back
   * (a PUT's or PATCH's attempt is given the whole call timeout, so none is abandoned for slowness). A retried
   * attempt that was applied is recognised by its token among the product's eight latest writes and not applied
   * again; a PATCH so recognised after later writes answers the product as it is now, which shows another writer's
   * stock. After eight later writes the token is gone and the retry is applied again (docs/contract.md): at most one
   * extra version per retried attempt.
   */
  static volatile int retriedWrites;

  private static List<ApiResult> raceOnce(int count, Function<Integer, ApiCall> call)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApiResult>> results = new ArrayList<>();
    try (var executor = Executors.newFixedThreadPool(count)) {
      for (int i = 0; i < count; i++) {
        ApiCall prepared = call.apply(i);
        results.add(
            executor.submit(
                () -> {
                  start.await();
                  return prepared.send();
                }));
      }
      start.countDown();
      List<ApiResult> answers = new ArrayList<>();
      for (Future<ApiResult> result : results) {
        answers.add(result.get());
      }
      return answers;
    }
  }

  /**
   * Starts {@code instances} instances of the PATCH or PUT function with as many concurrent writes of a product of
   * their own, answers unchecked. In the local API every instance shares this machine's cores, and a race of cold
   * instances measures 80 class loaders initialising the SDK at once, not the writes; in Lambda each has its own.
   */
  static void warmUp(String method, int instances) throws Exception {
    String id = create();
    String body =
        method.equals("PATCH")
            ? "{\"stock\": 1}"
            : SampleProducts.minimal("sale").put("stock", 1).toString();
    raceOnce(
        instances,
        i ->
            method.equals("PATCH")
                ? API.patch("/products/" + id).mergePatch(body)
                : API.put("/products/" + id).json(body));
  }

  static long version(ApiResult answer) {
    return answer.json().get("version").asLong();
  }

  /**
   * The answers that show their own write report distinct versions, from {@code from} on; when no attempt was
   * retried, every answer shows its own write and the versions are exactly {@code from} to {@code from + n - 1}.
   */
  static void assertOneVersionEach(
      List<ApiResult> answers, Predicate<Integer> showsOwnWrite, long from) {
    List<Long> versions = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      if (showsOwnWrite.test(i)) {
        versions.add(version(answers.get(i)));
      }
    }
    versions.sort(null);
    assertTrue(
        answers.size() - versions.size() <= Math.max(0, retriedWrites),
        "only an attempt the SDK retried answers another writer's product ("
            + retriedWrites
            + " retried): "
            + answers);
    assertEquals(
        versions.size(),
        versions.stream().distinct().count(),
        "no two answers report the same version");
    if (versions.isEmpty()) {
      return;
    }
    long extra = versions.getLast() - (from + answers.size() - 1);
    if (retriedWrites <= 0) {
      assertEquals(
          LongStream.range(from, from + answers.size()).boxed().toList(),
          versions,
          "each write made exactly one version");
    } else {
      assertTrue(
          versions.getFirst() >= from && extra <= retriedWrites,
          "each write made one version, and one more only for an attempt the SDK retried ("
              + retriedWrites
              + " retried): "
              + versions);
    }
  }

  /** The version the product has after {@code writers} writes on {@code from - 1}, retried attempts allowing. */
  static void assertStoredVersion(long from, int writers, long stored) {
    long exact = from - 1 + writers;
    assertTrue(
        stored >= exact && stored <= exact + Math.max(0, retriedWrites),
        "stored version "
            + stored
            + " after "
            + writers
            + " writes ("
            + retriedWrites
            + " attempts retried)");
  }

  /** The incarnation part of an ETag, {@code "<version>.<incarnation>"}. */
  static String incarnation(ApiResult answer) {
    String etag = answer.header("ETag");
    return etag.substring(etag.indexOf('.') + 1);
  }

  /** The answer among {@code answers} that reports the highest version: the last write applied. */
  static ApiResult last(List<ApiResult> answers) {
    return answers.stream()
        .max(Comparator.comparingLong(HotProductWritesTest::version))
        .orElseThrow();
  }

  @Test
  void
      eightyConcurrentUnconditionalPatchesAllAnswer200EachMakeOneVersionAndTheLastPatchOfEachFieldWins()
          throws Exception {
    int writers = 80;
    warmUp("PATCH", writers);
    String id = create();
    ApiResult before = API.get("/products/" + id).send();
    // Every patch sets stock; the even ones price too, the odd ones tags: values no other patch
    // sets.
    List<ApiResult> answers =
        race(
            writers,
            i ->
                API.patch("/products/" + id)
                    .mergePatch(
                        i % 2 == 0
                            ? "{\"stock\": " + (1000 + i) + ", \"price\": " + i + ".25}"
                            : "{\"stock\": " + (1000 + i) + ", \"tags\": [\"hot-" + i + "\"]}"));

    for (int i = 0; i < writers; i++) {
      ApiResult answer = answers.get(i);
      assertEquals(200, answer.status(), answer::toString);
      assertEquals(incarnation(before), incarnation(answer), "the same product: " + answer);
    }
    assertOneVersionEach(answers, i -> answers.get(i).json().get("stock").asInt() == 1000 + i, 2);
    JsonNode stored = API.get("/products/" + id).send().json();
    assertStoredVersion(2, writers, stored.get("version").asInt());
    List<ApiResult> pricePatches = new ArrayList<>();
    List<ApiResult> tagPatches = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      (i % 2 == 0 ? pricePatches : tagPatches).add(answers.get(i));
    }
    assertEquals(
        last(answers).json().get("stock"), stored.get("stock"), "the stock of the last patch");
    assertEquals(
        0,
        last(pricePatches)
            .json()
            .get("price")
            .decimalValue()
            .compareTo(stored.get("price").decimalValue()),
        "the price of the last patch that set one");
    assertEquals(
        last(tagPatches).json().get("tags"),
        stored.get("tags"),
        "the tags of the last patch that set them");
    for (String kept :
        List.of("id", "name", "description", "currency", "category", "createdAt", "createdBy")) {
      assertEquals(before.json().get(kept), stored.get(kept), kept + " is kept");
    }
  }

  @Test
  void thirtyTwoConcurrentPutsOfOneProductAllAnswer200EachMakeOneVersionAndTheLastDocumentIsStored()
      throws Exception {
    String id = create();
    int writers = 32;
    warmUp("PUT", writers);
    ApiResult before = API.get("/products/" + id).send();
    List<ApiResult> answers =
        race(
            writers,
            i ->
                API.put("/products/" + id)
                    .json(
                        SampleProducts.minimal("sale")
                            .put("name", "Hot " + i)
                            .put("stock", i)
                            .put("price", new BigDecimal(i + ".5"))
                            .toString()));

    for (int i = 0; i < writers; i++) {
      ApiResult answer = answers.get(i);
      assertEquals(200, answer.status(), answer::toString);
      assertEquals(
          "Hot " + i, answer.json().get("name").asText(), "each answer shows its own write");
      assertEquals(
          incarnation(before), incarnation(answer), "replaced, not created anew: " + answer);
    }
    assertOneVersionEach(answers, i -> true, 2);
    JsonNode stored = API.get("/products/" + id).send().json();
    JsonNode last = last(answers).json();
    assertEquals(last, stored, "the product is the last document written, as its answer showed it");
    assertStoredVersion(2, writers, stored.get("version").asInt());
    assertEquals(before.json().get("createdAt"), stored.get("createdAt"), "createdAt is kept");
    assertEquals(before.json().get("createdBy"), stored.get("createdBy"), "createdBy is kept");
    assertTrue(
        !stored.has("description") && stored.get("tags").isEmpty(),
        "fields the document leaves out go");
  }

  @RepeatedTest(3)
  void thirtyTwoConcurrentPutsOfAnAbsentProductCreateItExactlyOnceAndReplaceItThirtyOneTimes()
      throws Exception {
    String id = "hot-" + UUID.randomUUID();
    int writers = 32;
    List<ApiResult> answers =
        race(
            writers,
            i ->
                API.put("/products/" + id)
                    .json(SampleProducts.minimal("sale").put("stock", i).toString()));

    List<ApiResult> created = answers.stream().filter(answer -> answer.status() == 201).toList();
    assertEquals(1, created.size(), answers::toString);
    assertEquals(
        writers - 1,
        answers.stream().filter(answer -> answer.status() == 200).count(),
        answers::toString);
    assertEquals(1, version(created.getFirst()), "the create is version 1");
    assertOneVersionEach(answers, i -> true, 1);
    assertEquals(
        Set.of(incarnation(created.getFirst())),
        new HashSet<>(answers.stream().map(HotProductWritesTest::incarnation).toList()),
        "one product, one incarnation");
    JsonNode stored = API.get("/products/" + id).send().json();
    assertEquals(created.getFirst().json().get("createdAt"), stored.get("createdAt"));
    assertEquals(last(answers).json(), stored);
  }

  @RepeatedTest(3)
  void patchesRacingADeleteAreAnswered200Or404AndNeverBringTheProductBack() throws Exception {
    String id = create();
    List<ApiResult> answers =
        race(
            21,
            i ->
                i == 0
                    ? API.delete("/products/" + id)
                    : API.patch("/products/" + id).mergePatch("{\"stock\": " + i + "}"));

    assertEquals(204, answers.getFirst().status(), answers.getFirst()::toString);
    List<Integer> patchedBy = new ArrayList<>();
    for (int i = 1; i < answers.size(); i++) {
      if (answers.get(i).status() == 200) {
        patchedBy.add(i); // the patch of stock i
      }
    }
    assertTrue(
        answers.subList(1, answers.size()).stream()
            .allMatch(a -> a.status() == 200 || a.status() == 404),
        answers::toString);
    List<ApiResult> patched = patchedBy.stream().map(answers::get).toList();
    assertOneVersionEach(
        patched, i -> patched.get(i).json().get("stock").asInt() == patchedBy.get(i), 2);
    assertEquals(
        404, API.get("/products/" + id).send().status(), "deleted, and no patch created it again");
  }

  @Test
  void aWriteIsOneDynamoDbCallWhateverItsOutcomeAndOnlyAnInvalidBodyReadsTheProduct() {
    String id = "hot-" + UUID.randomUUID();
    String document = SampleProducts.full("sale").toString();
    assertCalls(
        "PutProductFunction",
        List.of("UpdateItem"),
        201,
        API.put("/products/" + id).json(document));
    String etag = API.get("/products/" + id).send().header("ETag");
    assertCalls(
        "PutProductFunction",
        List.of("UpdateItem"),
        200,
        API.put("/products/" + id).json(SampleProducts.full("sale").put("stock", 1).toString()));
    assertCalls(
        "PutProductFunction",
        List.of("UpdateItem"),
        412,
        API.put("/products/" + id).header("If-Match", etag).json(document));
    assertCalls(
        "PatchProductFunction",
        List.of("UpdateItem"),
        200,
        API.patch("/products/" + id).mergePatch("{\"stock\": 2}"));
    assertCalls(
        "PatchProductFunction",
        List.of("UpdateItem"),
        200,
        API.patch("/products/" + id).mergePatch("{\"stock\": 2}"));
    assertCalls(
        "PatchProductFunction",
        List.of("UpdateItem"),
        412,
        API.patch("/products/" + id).header("If-Match", etag).mergePatch("{\"stock\": 3}"));
    assertCalls(
        "PatchProductFunction",
        List.of("UpdateItem"),
        412,
        API.patch("/products/" + id)
            .header("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")
            .mergePatch("{\"stock\": 3}"));
    assertCalls(
        "PatchProductFunction",
        List.of("UpdateItem"),
        404,
        API.patch("/products/absent-" + id).mergePatch("{\"stock\": 3}"));
    assertCalls(
        "PatchProductFunction",
        List.of("GetItem"),
        400,
        API.patch("/products/" + id).mergePatch("{\"stock\": -1}"));
  }

  /** {@code call} answers {@code status} after exactly {@code actions} of {@code function}, in order. */
  static void assertCalls(String function, List<String> actions, int status, ApiCall call) {
    int before = API.dynamo().calls().size();
    ApiResult answer = call.send();
    List<IamCall> calls = API.dynamo().calls();
    assertEquals(status, answer.status(), answer::toString);
    assertEquals(
        actions.stream().map(action -> function + " dynamodb:" + action).toList(),
        calls.subList(before, calls.size()).stream()
            .map(c -> c.function() + " " + c.action())
            .toList(),
        () -> call.method() + " " + call.pathAndQuery() + ": " + answer);
  }
}

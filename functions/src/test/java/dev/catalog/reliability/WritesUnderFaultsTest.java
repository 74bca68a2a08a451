package dev.catalog.reliability;

import static dev.catalog.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.storage.DynamoDbClients;
import dev.catalog.testing.ApiResult;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.faults.Fault;
import dev.catalog.testing.faults.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write route under every fault class, with DynamoDB Local behind the fault proxy: the answer, and the tables
 * afterwards. A fault the SDK's retries get past is invisible; one that outlasts them is a 503 problem with
 * Retry-After that changed nothing; a write whose response was lost is answered as the write it was.
 */
class WritesUnderFaultsTest {
  @RegisterExtension static final ProductsApi API = ProductsApi.behindFaultProxy();

  /** Longer than the SDK's attempt timeout, so the attempt is abandoned after the write was applied. */
  static final Fault LATE = new Fault.Delay(Duration.ofMillis(1500));

  static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void noMoreFaults() {
    API.faults().plan(FaultPlan.none());
  }

  static Stream<Arguments> refusedFaults() {
    List<Arguments> cases = new ArrayList<>();
    for (WriteRoute route : WriteRoute.values()) {
      cases.add(Arguments.of(route, Fault.Throttle.PROVISIONED_THROUGHPUT, "storage-throttled"));
      cases.add(Arguments.of(route, Fault.ServerError.INTERNAL, "storage-unavailable"));
      cases.add(Arguments.of(route, Fault.RESET_BEFORE, "storage-unavailable"));
    }
    cases.add(
        Arguments.of(
            WriteRoute.PUT_REPLACE_IF_MATCH, Fault.Throttle.THROTTLING, "storage-throttled"));
    cases.add(
        Arguments.of(
            WriteRoute.PUT_REPLACE_IF_MATCH, Fault.Throttle.REQUEST_LIMIT, "storage-throttled"));
    cases.add(
        Arguments.of(
            WriteRoute.PUT_REPLACE_IF_MATCH, Fault.ServerError.UNAVAILABLE, "storage-unavailable"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("refusedFaults")
  void aFaultOnEveryAttemptIsA503WithRetryAfterThatChangesNothing(
      WriteRoute route, Fault fault, String type) {
    String category = SampleProducts.uniqueCategory();
    String id = WriteRoute.prepare(route, API, category);
    String etag = route.needsProduct ? API.get("/products/" + id).send().header("ETag") : null;
    TableSnapshot before = TableSnapshot.of(API, category);

    API.faults().plan(FaultPlan.always(route.operation, fault));
    ApiResult answer = route.request(API, id, etag, category).send();
    int met = API.faults().injected(fault.getClass());
    API.faults().plan(FaultPlan.none());

    assertTrue(met > 0, "the fault was met");
    var problem = assertProblem(503, answer, route + " under " + fault);
    assertEquals(
        "urn:products-api:problem:" + type, problem.path("type").asText(), answer::toString);
    assertEquals("1", answer.header("Retry-After"), answer::toString);
    assertEquals(before, TableSnapshot.of(API, category), "nothing written");
  }

  static Stream<Arguments> passingFaults() {
    List<Arguments> cases = new ArrayList<>();
    for (WriteRoute route : WriteRoute.values()) {
      cases.add(Arguments.of(route, Fault.Throttle.PROVISIONED_THROUGHPUT));
      cases.add(Arguments.of(route, Fault.ServerError.INTERNAL));
      cases.add(Arguments.of(route, Fault.RESET_BEFORE));
      cases.add(Arguments.of(route, Fault.RESET_AFTER));
      cases.add(Arguments.of(route, LATE));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("passingFaults")
  void aFaultOnTheFirstAttemptOnlyIsAnsweredAsTheWriteThatHappenedOnce(
      WriteRoute route, Fault fault) {
    String category = SampleProducts.uniqueCategory();
    String id = WriteRoute.prepare(route, API, category);
    String etag = route.needsProduct ? API.get("/products/" + id).send().header("ETag") : null;
    TableSnapshot before = TableSnapshot.of(API, category);

    API.faults().plan(FaultPlan.nth(route.operation, 1, fault));
    ApiResult answer = route.request(API, id, etag, category).send();
    int met = API.faults().injected(fault.getClass());
    API.faults().plan(FaultPlan.none());

    assertEquals(1, met, "the fault was met");
    assertEquals(route.success, answer.status(), () -> route + " under " + fault + ": " + answer);
    TableSnapshot after = TableSnapshot.of(API, category);
    after.assertOneWriteAfter(before, route, id, answer);
  }

  @Test
  void aReadDynamoDbAnswersOnlyAfterTheCallTimeoutIsA503StorageTimeout() {
    String category = SampleProducts.uniqueCategory();
    String id = WriteRoute.prepare(WriteRoute.PATCH, API, category);

    API.faults().plan(FaultPlan.always("GetItem", new Fault.Delay(DynamoDbClients.CALL_TIMEOUT)));
    ApiResult answer = API.get("/products/" + id).send();
    API.faults().plan(FaultPlan.none());

    var problem = assertProblem(503, answer, "GET under late answers");
    assertEquals(
        "urn:products-api:problem:storage-timeout",
        problem.path("type").asText(),
        answer::toString);
    assertEquals("1", answer.header("Retry-After"));
  }

  @Test
  void aStorageTimeoutIsLoggedWithTheAttemptsSentAndTheRequestIdInTheRequestLinesTimestampForm()
      throws Exception {
    String category = SampleProducts.uniqueCategory();
    String id = WriteRoute.prepare(WriteRoute.PATCH, API, category);

    API.faults().plan(FaultPlan.always("GetItem", new Fault.Delay(DynamoDbClients.CALL_TIMEOUT)));
    List<JsonNode> lines = new ArrayList<>();
    try (CapturedOutput output = CapturedOutput.start()) {
      assertEquals(503, API.get("/products/" + id).send().status());
      for (String line : output.lines()) {
        if (line.startsWith("{")) {
          lines.add(JSON.readTree(line));
        }
      }
    }
    int attempts = API.faults().calls("GetItem");
    API.faults().plan(FaultPlan.none());

    JsonNode warning =
        only(lines, line -> line.path("message").asText().startsWith("DynamoDB failed"));
    JsonNode request = only(lines, line -> "request".equals(line.path("message").asText()));
    assertTrue(attempts >= 2, "the SDK tried again after an attempt timed out: " + attempts);
    assertEquals(
        "DynamoDB failed after " + attempts + " attempts; answered 503 storage-timeout",
        warning.path("message").asText(),
        warning::toString);
    assertEquals("WARN", warning.path("level").asText());
    assertFalse(request.path("requestId").asText().isEmpty(), request::toString);
    assertEquals(
        request.path("requestId").asText(), warning.path("requestId").asText(), warning::toString);
    for (JsonNode line : List.of(warning, request)) {
      assertTrue(
          line.path("timestamp")
              .asText()
              .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
          line::toString);
    }
  }

  static JsonNode only(List<JsonNode> lines, Predicate<JsonNode> wanted) {
    List<JsonNode> found = lines.stream().filter(wanted).toList();
    assertEquals(1, found.size(), lines::toString);
    return found.get(0);
  }

  @Test
  void
      aKeyedCreateWhoseEveryAnswerIsLostIs503AndItsRetryWithTheSameKeyAnswersTheOneProductCreated() {
    String category = SampleProducts.uniqueCategory();
    String body = SampleProducts.full(category).toString();
    TableSnapshot before = TableSnapshot.of(API, category);

    API.faults().plan(FaultPlan.always("TransactWriteItems", Fault.RESET_AFTER));
    ApiResult lost =
        API.post("/products").json(body).header("Idempotency-Key", "lost-" + category).send();
    API.faults().plan(FaultPlan.none());
    ApiResult retried =
        API.post("/products").json(body).header("Idempotency-Key", "lost-" + category).send();

    var problem = assertProblem(503, lost, "every answer lost");
    assertEquals(
        "urn:products-api:problem:storage-unavailable",
        problem.path("type").asText(),
        lost::toString);
    assertEquals(201, retried.status(), retried::toString);
    assertEquals("true", retried.header("Idempotent-Replayed"), "the first attempt had created it");
    TableSnapshot after = TableSnapshot.of(API, category);
    assertEquals(
        Set.of(retried.createdId()), after.products().keySet(), "one product, the one answered");
    assertEquals(before.idempotencyRecords().size() + 1, after.idempotencyRecords().size());
  }
}

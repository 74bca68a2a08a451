package dev.catalog.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.http.Cors;
import dev.catalog.kernel.Priming;
import dev.catalog.storage.DynamoDbClients;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.ProductsApi;
import dev.catalog.testing.SampleProducts;
import dev.catalog.testing.TemplateFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The SnapStart priming hook runs the request path against DynamoDB and leaves no trace; a failure, such as a call
 * outside the function's policy, never fails the snapshot. (That each function's priming stays within its own policy
 * is proven by {@code dev.catalog.local.PrimingWithinPolicyTest}.)
 */
class SnapStartPrimingTest {
  @RegisterExtension static final ProductsApi API = new ProductsApi();

  /** A template whose PreflightFunction has no policy: every DynamoDB call it makes is denied. */
  @RegisterExtension
  static final DynamoDbLocal FIXTURE = new DynamoDbLocal(TemplateFixtures.PRODUCTS_API);

  static Map<String, Integer> itemCounts() {
    return Map.of(
        "ProductsTable", count("ProductsTable"), "IdempotencyTable", count("IdempotencyTable"));
  }

  static int count(String table) {
    return API.dynamo()
        .client()
        .scan(
            request ->
                request
                    .tableName(API.dynamo().tableName(table))
                    .select(Select.COUNT)
                    .consistentRead(true))
        .count();
  }

  @Test
  void everyPrimingCallWritesNothingAndChangesNoProduct() throws Exception {
    String id =
        API.post("/products")
            .header("Idempotency-Key", "priming-test")
            .json(SampleProducts.full("kitchen").toString())
            .send()
            .createdId();
    String before = API.get("/products/" + id).send().body();
    Map<String, Integer> counts = itemCounts();

    Priming priming =
        new Priming(
            () ->
                SnapStartPriming.prime(
                    API.context(),
                    context -> {
                      SnapStartPriming.readProduct(context);
                      SnapStartPriming.readIdempotencyRecord(context);
                      SnapStartPriming.queryCategory(context);
                      SnapStartPriming.deleteAbsentProduct(context);
                      SnapStartPriming.patchAbsentProduct(context);
                      SnapStartPriming.replaceAbsentProduct(context);
                    }));
    priming.beforeCheckpoint(null);
    priming.afterRestore(null);

    assertEquals(counts, itemCounts());
    assertEquals(before, API.get("/products/" + id).send().body());
    assertTrue(API.context().products().find(SnapStartPriming.ABSENT_KEY).isEmpty());
  }

  @Test
  void theKeyItReadsCanNeverBeAProductId() {
    assertTrue(!SnapStartPriming.ABSENT_KEY.matches(Product.ID_PATTERN));
    assertEquals(400, API.get("/products/" + SnapStartPriming.ABSENT_KEY).send().status());
  }

  @Test
  void
      aPrimingCallTheFunctionsPolicyDeniesIsLoggedAsOneLineWithoutStackTraceAndTheSnapshotGoesAhead()
          throws Exception {
    Map<String, String> environment = FIXTURE.environment("PreflightFunction");
    ProductsContext unauthorised =
        ProductsContext.create(
            FIXTURE.functionClient("PreflightFunction", DynamoDbClients::builder),
            environment.get("PRODUCTS_TABLE"),
            environment.get("IDEMPOTENCY_TABLE"),
            new Cors("*"),
            Clock.systemUTC());
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      new Priming(() -> SnapStartPriming.prime(unauthorised, SnapStartPriming::readProduct))
          .beforeCheckpoint(null);
    } finally {
      System.setOut(console);
    }

    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, lines.size(), lines::toString);
    JsonNode line = new ObjectMapper().readTree(lines.getFirst());
    assertEquals(
        Set.of("timestamp", "level", "message", "error"),
        line.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet()));
    assertEquals("WARN", line.get("level").asText());
    assertTrue(
        line.get("error").asText().contains("is not authorized to perform: dynamodb:GetItem"),
        lines::toString);
    assertFalse(
        lines.getFirst().contains(environment.get("AWS_SECRET_ACCESS_KEY") + "\""),
        lines::toString);
    assertEquals(1, FIXTURE.denials().size());
  }
}

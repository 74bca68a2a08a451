package dev.catalog.products;

import dev.catalog.local.dynamodb.EmbeddedDynamoDb;
import dev.catalog.local.dynamodb.TemplateTables;
import dev.catalog.storage.DynamoDbClients;
import dev.catalog.template.SamTemplate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The measurement behind "no read before the write" (docs/performance.md, "Hot product"): against DynamoDB Local, with
 * the functions' client, the time of a PUT's and a PATCH's storage calls as they were (GetItem, then a PutItem
 * conditional on the version read) and as they are (one UpdateItem), interleaved round by round so that a busy
 * machine slows every shape alike; and what validating a patch by the stored product would cost, by a read first or
 * by the write's condition. Test scope; run it with the test class path:
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -Dsqlite4java.library.path=target/native-libs \
 *   -cp target/test-classes:target/classes:$(cat target/test.classpath) dev.catalog.products.WriteShapes 2000
 * </pre>
 */
public final class WriteShapes {
  private WriteShapes() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      DynamoDbClient client =
          DynamoDbClients.builder(
                  "us-east-1",
                  dynamo.endpoint().toString(),
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
              .build();
      // Tables are made with the SDK's defaults: creating one can take longer than the functions' 1
      // s attempt.
      DynamoDbClient admin =
          DynamoDbClient.builder()
              .region(software.amazon.awssdk.regions.Region.US_EAST_1)
              .endpointOverride(dynamo.endpoint())
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
              .httpClientBuilder(
                  software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
              .build();
      Map<String, String> tables =
          TemplateTables.create(admin, SamTemplate.load(Path.of("template.yaml")), "shapes");
      ProductStore store = new ProductStore(client, tables.get("ProductsTable"));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        Product product = product(i);
        product.setId("p-" + i);
        product.setCurrency("EUR");
        store.save(product);
        ids.add(product.getId());
      }
      String[] shapes = {
        "GetItem + PutItem (before)",
        "UpdateItem, PUT (after)",
        "UpdateItem, PATCH (after)",
        "GetItem + UpdateItem, PATCH (a read to validate by the stored product)",
        "UpdateItem, PATCH, the stored currency checked in the condition (IN 40 codes)"
      };
      Expression currencies = currencies();
      long[][] nanos = new long[shapes.length][rounds];
      for (int warm = 0; warm < 2; warm++) {
        for (int round = 0; round < rounds; round++) {
          String id = ids.get(round % ids.size());
          int stock = warm * rounds + round + 1000;
          for (int shape = 0; shape < shapes.length; shape++) {
            long start = System.nanoTime();
            switch (shape) {
              case 0 -> {
                Product current = store.find(id).orElseThrow();
                current.setStock(stock);
                current.setUpdatedAt(Instant.now());
                if (!store.save(current)) {
                  throw new IllegalStateException("lost a race with itself");
                }
              }
              case 1 ->
                  write(
                      store,
                      id,
                      ProductStore.WriteMode.CREATE_OR_REPLACE,
                      product(stock),
                      ProductJson.WRITABLE);
              case 2 ->
                  write(
                      store,
                      id,
                      ProductStore.WriteMode.UPDATE,
                      product(stock + 1),
                      Set.of("stock", "price"));
              case 3 -> {
                store.find(id).orElseThrow();
                write(
                    store,
                    id,
                    ProductStore.WriteMode.UPDATE,
                    product(stock + 2),
                    Set.of("stock", "price"));
              }
              default ->
                  write(
                      store,
                      id,
                      ProductStore.WriteMode.UPDATE,
                      product(stock + 3),
                      Set.of("stock", "price"),
                      currencies);
            }
            nanos[shape][round] = System.nanoTime() - start;
          }
        }
      }
      System.out.printf(
          "%d rounds after %d of warm-up, each shape once per round in turn, load average %s%n",
          rounds, rounds, java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
      System.out.println("| storage calls of a write | p50 ms | p90 ms | p99 ms |");
      System.out.println("|---|---:|---:|---:|");
      for (int shape = 0; shape < shapes.length; shape++) {
        long[] sorted = nanos[shape].clone();
        Arrays.sort(sorted);
        System.out.printf(
            "| %s | %.2f | %.2f | %.2f |%n",
            shapes[shape], at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99));
      }
    }
    System.exit(0);
  }

  private static void write(
      ProductStore store,
      String id,
      ProductStore.WriteMode mode,
      Product values,
      Set<String> fields) {
    write(store, id, mode, values, fields, null);
  }

  private static void write(
      ProductStore store,
      String id,
      ProductStore.WriteMode mode,
      Product values,
      Set<String> fields,
      Expression condition) {
    var result =
        store.write(
            new ProductStore.ProductWrite(
                id,
                mode,
                values,
                fields,
                Instant.now(),
                "bench",
                ProductStore.newIncarnation(),
                ProductStore.newWriteToken(),
                condition));
    if (!(result instanceof ProductStore.Written)) {
      throw new IllegalStateException("refused: " + result);
    }
  }

  /**
   * What a rule judging the price by the stored currency would add to a PATCH of the price alone: the stored
   * currency must be one of those that allow the price's decimal places (here 40 codes).
   */
  private static Expression currencies() {
    List<String> codes =
        List.of(
            "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK",
            "HUF", "RON", "TRY", "ILS", "ZAR", "MXN", "BRL", "ARS", "CNY", "HKD", "SGD", "TWD",
            "INR", "THB", "MYR", "PHP", "IDR", "SAR", "AED", "QAR", "EGP", "MAD", "NGN", "KES",
            "GHS", "COP", "PEN", "UAH");
    Expression.Builder condition = Expression.builder().putExpressionName("#currency", "currency");
    List<String> placeholders = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      placeholders.add(":cur" + i);
      condition.putExpressionValue(
          ":cur" + i,
          software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(codes.get(i)));
    }
    return condition.expression("#currency IN (" + String.join(", ", placeholders) + ")").build();
  }

  private static Product product(int stock) {
    Product product = new Product();
    product.setName("Desk lamp");
    product.setDescription("A lamp for a desk.");
    product.setPrice(new BigDecimal(stock).movePointLeft(2));
    product.setCategory("lighting");
    product.setTags(List.of("desk", "lamp"));
    product.setStock(stock);
    product.setCreatedAt(Instant.now());
    product.setUpdatedAt(product.getCreatedAt());
    product.setCreatedBy("bench");
    product.setUpdatedBy("bench");
    return product.applyDefaults();
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}

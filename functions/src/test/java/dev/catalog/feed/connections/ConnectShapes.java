package dev.catalog.feed.connections;

import dev.catalog.local.dynamodb.EmbeddedDynamoDb;
import dev.catalog.local.dynamodb.TemplateTables;
import dev.catalog.storage.DynamoDbClients;
import dev.catalog.template.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The measurement behind "the cap on connections per principal" (docs/performance.md): against DynamoDB Local, with
 * the functions' client, the storage calls of a {@code $connect} and a {@code $disconnect} without the cap (the
 * connection's transaction; its Query and batch delete) and with it (a conditional UpdateItem of the principal's
 * item first; an UpdateItem giving the slot back after), interleaved round by round so that a busy machine slows
 * every shape alike. Test scope; run it as {@code WriteShapes} (docs/performance.md):
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -Dsqlite4java.library.path=functions/target/native-libs \
 *   -cp functions/target/test-classes:functions/target/classes:$(cat functions/target/test.classpath) \
 *   dev.catalog.feed.connections.ConnectShapes 2000
 * </pre>
 */
public final class ConnectShapes {
  private ConnectShapes() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      StaticCredentialsProvider credentials =
          StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
      DynamoDbClient client =
          DynamoDbClients.builder("us-east-1", dynamo.endpoint().toString(), credentials).build();
      DynamoDbClient admin =
          DynamoDbClient.builder()
              .region(Region.US_EAST_1)
              .endpointOverride(dynamo.endpoint())
              .credentialsProvider(credentials)
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .build();
      Map<String, String> tables =
          TemplateTables.create(admin, SamTemplate.load(Path.of("template.yaml")), "shapes");
      ConnectionStore store =
          new ConnectionStore(client, tables.get("ConnectionsTable"), Clock.systemUTC());
      List<Topic> topics = List.of(Topic.all());
      String[] shapes = {
        "$connect without the cap: the connection's transaction",
        "$connect with the cap, the principal's item there: UpdateItem + the transaction",
        "$connect with the cap, a principal's first connection: UpdateItem refused, PutItem,"
            + " the transaction",
        "$disconnect without the cap: Query + BatchWriteItem",
        "$disconnect with the cap: Query + BatchWriteItem + UpdateItem"
      };
      long[][] nanos = new long[shapes.length][rounds];
      int next = 0;
      for (int warm = 0; warm < 2; warm++) {
        for (int round = 0; round < rounds; round++) {
          Instant now = Instant.now();
          String before = "b" + next++ + "=";
          String after = "a" + next++ + "=";
          String first = "f" + next++ + "=";
          // Five principals that reconnect, each holding a few connections at any time.
          String principal = "reader-" + (round % 5);
          String newcomer = "newcomer-" + warm + "-" + round;

          long start = System.nanoTime();
          store.open(before, principal, now, topics);
          nanos[0][round] = System.nanoTime() - start;

          start = System.nanoTime();
          check(store.reserve(principal, after, now, null, 10));
          store.open(after, principal, now, topics);
          nanos[1][round] = System.nanoTime() - start;

          start = System.nanoTime();
          check(store.reserve(newcomer, first, now, null, 10));
          store.open(first, newcomer, now, topics);
          nanos[2][round] = System.nanoTime() - start;

          start = System.nanoTime();
          store.remove(before);
          nanos[3][round] = System.nanoTime() - start;

          start = System.nanoTime();
          store.close(after, principal);
          nanos[4][round] = System.nanoTime() - start;

          store.close(first, newcomer);
        }
      }
      System.out.printf(
          "%d rounds after %d of warm-up, each shape once per round in turn, load average %s%n",
          rounds, rounds, Files.readString(Path.of("/proc/loadavg")).strip());
      System.out.println("| storage calls | p50 ms | p90 ms | p99 ms |");
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

  private static void check(boolean reserved) {
    if (!reserved) {
      throw new IllegalStateException("a slot was refused");
    }
  }

  private static double at(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}

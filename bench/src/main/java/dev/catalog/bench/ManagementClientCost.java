package dev.catalog.bench;

import dev.catalog.feed.fanout.ConnectionsApi;
import dev.catalog.local.events.websocket.LocalWebSocketApi;
import dev.catalog.storage.DynamoDbClients;
import dev.catalog.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * What the management API's client adds to the fan-out's cold start: in fresh JVMs started with the managed
 * runtime's flags and the zip's jars, the time to build it once the DynamoDB client exists (as in the fan-out's
 * init), and its first and second {@code PostToConnection} (to the local {@code @connections} API, answered 410 for
 * an unknown connection: a full round trip, signing and error unmarshalling included). A measurement, not a test.
 * Run after {@code ./mvnw -Pbench} (which writes the runtime class path):
 * {@code java -cp target/test-classes:target/classes:<test class path> dev.catalog.bench.ManagementClientCost 7}.
 */
public final class ManagementClientCost {
  private ManagementClientCost() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("child")) {
      child(args[1]);
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
    String classPath =
        "bench/target/classes:functions/target/classes:"
            + Files.readString(Path.of("functions/target/lambda-classpath.txt")).strip();
    List<String> lines = new ArrayList<>();
    try (LocalWebSocketApi ws =
        LocalWebSocketApi.builder(template, template.resolver().build()).port(0).start()) {
      for (int run = 0; run < runs; run++) {
        Process child =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC",
                    "-Xshare:auto",
                    "-XX:+TieredCompilation",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    classPath,
                    ManagementClientCost.class.getName(),
                    "child",
                    ws.connectionsEndpoint().toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(child.getInputStream().readAllBytes()).strip();
        child.waitFor();
        lines.add(out.lines().reduce((a, b) -> b).orElse(out));
        System.out.println(lines.get(lines.size() - 1));
      }
    }
    System.exit(0);
  }

  private static void child(String endpoint) throws IOException {
    var credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    long start = System.nanoTime();
    // The fan-out's init builds the DynamoDB client first, which loads the SDK's core the two
    // clients share.
    DynamoDbClients.builder("us-east-1", "http://127.0.0.1:9", credentials).build();
    long dynamo = System.nanoTime();
    ApiGatewayManagementApiClient client =
        ConnectionsApi.client(endpoint, "us-east-1", credentials);
    long built = System.nanoTime();
    post(client, "first");
    long first = System.nanoTime();
    post(client, "second");
    long second = System.nanoTime();
    System.out.printf(
        "{\"dynamoDbClientMs\":%.1f,\"managementClientMs\":%.1f,\"firstPostMs\":%.1f,"
            + "\"secondPostMs\":%.1f}%n",
        (dynamo - start) / 1e6,
        (built - dynamo) / 1e6,
        (first - built) / 1e6,
        (second - first) / 1e6);
  }

  private static void post(ApiGatewayManagementApiClient client, String id) {
    try {
      client.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("{}")));
      throw new IllegalStateException("the local API accepted a post to an unknown connection");
    } catch (GoneException expected) {
      // 410: the connection is not open, as expected.
    }
  }
}

package dev.catalog.reliability;

import dev.catalog.local.dynamodb.EmbeddedDynamoDb;
import dev.catalog.storage.DynamoDbClients;
import dev.catalog.testing.faults.Fault;
import dev.catalog.testing.faults.FaultPlan;
import dev.catalog.testing.faults.FaultProxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The measurement behind the functions' retry mode (docs/performance.md, "Retries"): the same PutItem through the
 * {@link FaultProxy} under bursts of faults, with the functions' timeouts and each of the SDK's retry modes; prints,
 * per mode and burst, how many calls succeeded and their median and worst latency.
 */
public final class RetryModes {
  private RetryModes() {}

  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start();
        FaultProxy proxy = FaultProxy.start(dynamo.endpoint())) {
      try (DynamoDbClient admin = dynamo.newClient()) {
        admin.createTable(
            b ->
                b.tableName("retries")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                        AttributeDefinition.builder()
                            .attributeName("id")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(
                        KeySchemaElement.builder()
                            .attributeName("id")
                            .keyType(KeyType.HASH)
                            .build()));
      }
      Map<String, Fault> faults = new LinkedHashMap<>();
      faults.put("throttled", Fault.Throttle.PROVISIONED_THROUGHPUT);
      faults.put("500", Fault.ServerError.INTERNAL);
      faults.put("reset", Fault.RESET_BEFORE);
      System.out.println("mode | fault | burst | succeeded | p50 ms | max ms | last failure");
      Map<String, Consumer<ClientOverrideConfiguration.Builder>> modes = new LinkedHashMap<>();
      for (RetryMode mode : List.of(RetryMode.LEGACY, RetryMode.STANDARD, RetryMode.ADAPTIVE_V2)) {
        modes.put(mode.toString(), config -> config.retryStrategy(mode));
      }
      modes.put(
          "STANDARD, throttling back-off 100-500 ms (ours)",
          config -> config.retryStrategy(DynamoDbClients.retries()));
      String only = args.length > 1 ? args[1] : "";
      for (var mode : modes.entrySet()) {
        if (!mode.getKey().startsWith(only)) {
          continue;
        }
        for (var fault : faults.entrySet()) {
          for (int burst : new int[] {1, 2, 3}) {
            // A new client each time: its retry quota and rate limiter start as a new container's
            // do.
            try (DynamoDbClient client =
                DynamoDbClients.builder(
                        dynamo.region(),
                        proxy.url().toString(),
                        StaticCredentialsProvider.create(dynamo.credentials()))
                    .overrideConfiguration(
                        ClientOverrideConfiguration.builder()
                            .apiCallAttemptTimeout(DynamoDbClients.ATTEMPT_TIMEOUT)
                            .apiCallTimeout(DynamoDbClients.CALL_TIMEOUT)
                            .applyMutation(mode.getValue())
                            .build())
                    .build()) {
              measure(client, proxy, mode.getKey(), fault.getKey(), fault.getValue(), burst, calls);
            }
          }
        }
      }
    }
  }

  private static void measure(
      DynamoDbClient client,
      FaultProxy proxy,
      String mode,
      String name,
      Fault fault,
      int burst,
      int calls) {
    List<Long> latencies = new ArrayList<>();
    int succeeded = 0;
    String attempts = "";
    for (int i = 0; i < calls; i++) {
      proxy.plan(FaultPlan.first(Set.of("PutItem"), burst, fault));
      long start = System.nanoTime();
      try {
        client.putItem(
            PutItemRequest.builder()
                .tableName("retries")
                .item(Map.of("id", AttributeValue.fromS("item-" + i)))
                .build());
        succeeded++;
      } catch (software.amazon.awssdk.core.exception.SdkException failed) {
        attempts = failed.getClass().getSimpleName() + " after " + failed.numAttempts();
      }
      latencies.add((System.nanoTime() - start) / 1_000_000);
    }
    latencies.sort(null);
    System.out.printf(
        "%s | %s | %d | %d/%d | %d | %d | %s%n",
        mode,
        name,
        burst,
        succeeded,
        calls,
        latencies.get(latencies.size() / 2),
        latencies.get(latencies.size() - 1),
        attempts);
  }
}

package dev.catalog.storage;

import java.net.URI;
import dev.catalog.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB clients a function uses, once per container. Everything the SDK would otherwise discover is
 * given: the region and credentials come straight from the variables Lambda sets, so no provider chain, profile file
 * or instance metadata is probed at cold start; the HTTP client is the JDK's URL connection (small and quick to load).
 * {@code DYNAMODB_ENDPOINT} points the client at DynamoDB Local in tests and local runs.
 */
public final class DynamoDbClients {
  private DynamoDbClients() {}

  /** The container's enhanced client, created on first use. */
  public static DynamoDbEnhancedClient enhanced() {
    return Holder.ENHANCED;
  }

  private static final class Holder {
    static final DynamoDbEnhancedClient ENHANCED = DynamoDbEnhancedClient.builder()
        .dynamoDbClient(fromEnvironment())
        .build();
  }

  /** A client configured from the Lambda environment. */
  public static DynamoDbClient fromEnvironment() {
    return builder(Environment.require("AWS_REGION"), Environment.get("DYNAMODB_ENDPOINT"), credentials()).build();
  }

  /**
   * Lambda hands a function its role's credentials as environment variables, except under SnapStart, where they come
   * from the container credentials endpoint instead (so that a restored snapshot never holds stale keys).
   */
  static AwsCredentialsProvider credentials() {
    if (Environment.get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
      return ContainerCredentialsProvider.builder().build();
    }
    String accessKey = Environment.require("AWS_ACCESS_KEY_ID");
    String secretKey = Environment.require("AWS_SECRET_ACCESS_KEY");
    String sessionToken = Environment.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(sessionToken == null
        ? AwsBasicCredentials.create(accessKey, secretKey)
        : AwsSessionCredentials.create(accessKey, secretKey, sessionToken));
  }

  public static DynamoDbClientBuilder builder(String region, String endpoint, AwsCredentialsProvider credentials) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder()
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder;
  }
}

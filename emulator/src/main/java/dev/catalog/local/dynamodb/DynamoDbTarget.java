package dev.catalog.local.dynamodb;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A running DynamoDB for tests and local tools: DynamoDB Local in this JVM (the default) or LocalStack in a container.
 *
 * <p>The choice is the system property {@code dynamodb} or else the environment variable {@code DYNAMODB_TARGET}:
 * {@code local} (default) or {@code localstack}, e.g. {@code ./mvnw verify -Ddynamodb=localstack}.
 */
public sealed interface DynamoDbTarget extends AutoCloseable
    permits EmbeddedDynamoDb, ExternalDynamoDb, LocalStackDynamoDb {
  String PROPERTY = "dynamodb";
  String ENVIRONMENT_VARIABLE = "DYNAMODB_TARGET";

  /** Which DynamoDB to run. */
  enum Kind {
    LOCAL,
    LOCALSTACK
  }

  /** Where clients send requests, e.g. {@code http://127.0.0.1:41234}. */
  URI endpoint();

  /** The region clients name; DynamoDB Local serves any, so its targets keep the default. */
  default String region() {
    return "us-east-1";
  }

  /** Static credentials the target accepts; DynamoDB Local takes any, LocalStack maps them to its account. */
  default AwsBasicCredentials credentials() {
    return AwsBasicCredentials.create("local", "local");
  }

  /** A new client for this target, on the same HTTP client the functions use; the caller closes it. */
  default DynamoDbClient newClient() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.of(region()))
        .credentialsProvider(StaticCredentialsProvider.create(credentials()))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /**
   * The variables that point code under test at this target: {@code DYNAMODB_ENDPOINT}, {@code AWS_REGION} and the
   * static credentials (so the SDK's default chain never looks for a real profile).
   */
  default Map<String, String> clientEnvironment() {
    return Map.of(
        "DYNAMODB_ENDPOINT",
        endpoint().toString(),
        "AWS_REGION",
        region(),
        "AWS_ACCESS_KEY_ID",
        credentials().accessKeyId(),
        "AWS_SECRET_ACCESS_KEY",
        credentials().secretAccessKey());
  }

  /** Stops the target; its data is gone. */
  @Override
  void close();

  /** The kind chosen by {@code -Ddynamodb} or {@code DYNAMODB_TARGET}. */
  static Kind selected() {
    return select(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
  }

  /**
   * The property wins over the environment variable; blank means the default.
   *
   * @throws IllegalArgumentException for a value that names no target, listing the ones there are
   */
  static Kind select(String property, String environment) {
    String value = property != null && !property.isBlank() ? property : environment;
    if (value == null || value.isBlank()) {
      return Kind.LOCAL;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "local", "dynamodb-local" -> Kind.LOCAL;
      case "localstack" -> Kind.LOCALSTACK;
      default ->
          throw new IllegalArgumentException(
              "Unknown DynamoDB target '"
                  + value
                  + "' (from -D"
                  + PROPERTY
                  + " or "
                  + ENVIRONMENT_VARIABLE
                  + "): use 'local' (default) or 'localstack'");
    };
  }

  /** Starts a target of the given kind; LocalStack needs a Docker engine (see {@link LocalStackDynamoDb}). */
  static DynamoDbTarget start(Kind kind) {
    return switch (kind) {
      case LOCAL -> EmbeddedDynamoDb.start();
      case LOCALSTACK -> LocalStackDynamoDb.start();
    };
  }
}

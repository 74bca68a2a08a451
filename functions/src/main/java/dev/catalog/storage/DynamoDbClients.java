package dev.catalog.storage;

import dev.catalog.kernel.Environment;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB clients a function uses, once per container. Everything the SDK would otherwise discover is
 * given: the region and credentials come straight from the variables Lambda sets, so no provider chain, profile file
 * or instance metadata is probed at cold start; the HTTP client is the JDK's URL connection (small and quick to load).
 * {@code DYNAMODB_ENDPOINT} points the client at DynamoDB Local in tests and local runs.
 */
public final class DynamoDbClients {
  /**
   * One attempt of one call: DynamoDB answers in milliseconds, so an attempt still waiting after a second is stuck
   * on a dead connection or an overloaded partition, and a fresh attempt is the better bet.
   */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

  /**
   * One attempt of a write that only its own token makes safe to repeat (a PUT's or PATCH's {@code UpdateItem}): the
   * whole {@link #CALL_TIMEOUT}. An attempt abandoned while DynamoDB is applying it, then sent again, finds the
   * product changed by the writers that came meanwhile; on a product written many times a second its token may be
   * gone from the item by then (it keeps eight), and the write would be applied twice. A slow write is waited for;
   * one that fails fast (a throttle, a 500, a reset) is retried within milliseconds, while its token is still there.
   */
  public static final Duration WRITE_ATTEMPT_TIMEOUT = Duration.ofMillis(2500);

  /**
   * One call, its retries and their back-off included. A request makes at most three calls on its way to an answer
   * (read, write, and a read to settle an ambiguous write), so 3 × 2.5 s stays inside the function's 10 s Timeout
   * with room to answer 503, and far inside API Gateway's 29 s.
   */
  public static final Duration CALL_TIMEOUT = Duration.ofMillis(2500);

  public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  /**
   * The SDK's standard retry strategy (3 attempts, exponential back-off with full jitter, a retry quota that stops
   * retrying when most calls fail), with throttling backed off 100–500 ms instead of its 1–20 s: three throttled
   * attempts then end well inside {@link #CALL_TIMEOUT} as the throttling they are, and the client is told to retry
   * later. Chosen by measurement (docs/performance.md, "Retries").
   */
  public static RetryStrategy retries() {
    // A new one per client: the strategy holds the client's retry quota.
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .throttlingBackoffStrategy(
            BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofMillis(500)))
        .build();
  }

  /**
   * The timeouts and retries of every client, see {@link #ATTEMPT_TIMEOUT}, {@link #CALL_TIMEOUT}, {@link #retries};
   * and its attempts counted ({@link CallAttempts}), so that every failed call says how many it made.
   */
  static ClientOverrideConfiguration timeouts() {
    return ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
        .apiCallTimeout(CALL_TIMEOUT)
        .retryStrategy(retries())
        .addExecutionInterceptor(new CallAttempts())
        .build();
  }

  private DynamoDbClients() {}

  /** The container's enhanced client, created on first use, on {@link #client()}. */
  public static DynamoDbEnhancedClient enhanced() {
    return Holder.ENHANCED;
  }

  /** The container's client, created on first use: the one under {@link #enhanced()}. */
  public static DynamoDbClient client() {
    return Holder.CLIENT;
  }

  private static final class Holder {
    static final DynamoDbClient CLIENT = fromEnvironment();
    static final DynamoDbEnhancedClient ENHANCED =
        DynamoDbEnhancedClient.builder().dynamoDbClient(CLIENT).build();
  }

  /** A client configured from the Lambda environment. */
  public static DynamoDbClient fromEnvironment() {
    return builder(
            Environment.require("AWS_REGION"), Environment.get("DYNAMODB_ENDPOINT"), credentials())
        .build();
  }

  /**
   * Lambda hands a function its role's credentials as environment variables, except under SnapStart, where they come
   * from the container credentials endpoint instead (so that a restored snapshot never holds stale keys).
   */
  public static AwsCredentialsProvider credentials() {
    if (Environment.get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
      return ContainerCredentialsProvider.builder().build();
    }
    String accessKey = Environment.require("AWS_ACCESS_KEY_ID");
    String secretKey = Environment.require("AWS_SECRET_ACCESS_KEY");
    String sessionToken = Environment.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(
        sessionToken == null
            ? AwsBasicCredentials.create(accessKey, secretKey)
            : AwsSessionCredentials.create(accessKey, secretKey, sessionToken));
  }

  /**
   * A client with the functions' configuration: the given region, endpoint (null or blank: the regional one) and
   * credentials, the URL connection HTTP client, and {@link #timeouts()}.
   */
  public static DynamoDbClientBuilder builder(
      String region, String endpoint, AwsCredentialsProvider credentials) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    // The attempt timeouts cut a read short; the socket's must not cut a write's.
                    .socketTimeout(WRITE_ATTEMPT_TIMEOUT))
            .overrideConfiguration(timeouts());
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder;
  }
}

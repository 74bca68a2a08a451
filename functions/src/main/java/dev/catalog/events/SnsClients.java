package dev.catalog.events;

import dev.catalog.kernel.Environment;
import dev.catalog.storage.CallAttempts;
import dev.catalog.storage.DynamoDbClients;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the SNS client of the product events function, configured as the DynamoDB clients are
 * ({@link DynamoDbClients}): region and credentials from Lambda's variables, the URL connection HTTP client, its
 * attempts counted ({@link CallAttempts}, for {@link EventPublisher}'s retry count), and {@code SNS_ENDPOINT} (when
 * set) for the local SNS endpoint or a test's.
 */
public final class SnsClients {
  /** A Publish answers in tens of milliseconds; an attempt still waiting after a second is better retried. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

  /** One call and the SDK's own retries; {@link EventPublisher} retries further within the invocation. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

  private SnsClients() {}

  /** The function's client: region and credentials from Lambda's variables, {@code SNS_ENDPOINT} when set. */
  public static SnsClient fromEnvironment() {
    return build(
        Environment.require("AWS_REGION"),
        Environment.get("SNS_ENDPOINT"),
        DynamoDbClients.credentials());
  }

  static SnsClient build(String region, String endpoint, AwsCredentialsProvider credentials) {
    var builder =
        SnsClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofMillis(500))
                    .socketTimeout(ATTEMPT_TIMEOUT))
            .overrideConfiguration(
                c ->
                    c.addExecutionInterceptor(new CallAttempts())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .retryStrategy(
                            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .throttlingBackoffStrategy(
                                    BackoffStrategy.exponentialDelay(
                                        Duration.ofMillis(100), Duration.ofMillis(1000)))
                                .build()));
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder.build();
  }
}

package dev.catalog.feed.fanout;

import dev.catalog.kernel.Environment;
import dev.catalog.kernel.Log;
import dev.catalog.storage.DynamoDbClients;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * API Gateway's {@code @connections} management API, as the fan-out uses it: one post per connection, its outcome
 * told apart ({@link Delivery}). The client is configured as the DynamoDB clients are (region and credentials from
 * Lambda's variables, the URL connection HTTP client, deliberate timeouts), with its own retries: throttling (429)
 * and 5xx are retried up to {@link #ATTEMPTS} times with exponential back-off and jitter before the post counts as
 * deferred.
 */
public final class ConnectionsApi {
  static final int ATTEMPTS = 5;
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

  private final ApiGatewayManagementApiClient client;

  public ConnectionsApi(ApiGatewayManagementApiClient client) {
    this.client = client;
  }

  /** The client for {@code CONNECTIONS_ENDPOINT}, the stage's management endpoint (locally, the local tool's). */
  public static ApiGatewayManagementApiClient clientFromEnvironment() {
    return client(
        Environment.require("CONNECTIONS_ENDPOINT"),
        Environment.require("AWS_REGION"),
        DynamoDbClients.credentials());
  }

  /** A client for the endpoint, with the functions' configuration. */
  public static ApiGatewayManagementApiClient client(
      String endpoint, String region, AwsCredentialsProvider credentials) {
    return ApiGatewayManagementApiClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(DynamoDbClients.CONNECT_TIMEOUT)
                .socketTimeout(ATTEMPT_TIMEOUT))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .retryStrategy(
                    AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(ATTEMPTS)
                        .throttlingBackoffStrategy(
                            BackoffStrategy.exponentialDelay(
                                Duration.ofMillis(100), Duration.ofSeconds(1)))
                        .build())
                .build())
        .build();
  }

  /**
   * Closes the connection ({@code DeleteConnection}): true when it was open, false when it was gone already (410).
   * Anything else API Gateway or the network answers, past the retries, is thrown.
   */
  public boolean close(String connectionId) {
    try {
      client.deleteConnection(request -> request.connectionId(connectionId));
      return true;
    } catch (GoneException gone) {
      return false;
    }
  }

  /** Posts {@code message} to the connection; never throws for what API Gateway or the network answers. */
  Delivery post(String connectionId, SdkBytes message) {
    try {
      client.postToConnection(request -> request.connectionId(connectionId).data(message));
      return Delivery.DELIVERED;
    } catch (GoneException gone) {
      return Delivery.GONE;
    } catch (ApiGatewayManagementApiException refused) {
      if (refused.statusCode() != 429
          && refused.statusCode() >= 400
          && refused.statusCode() < 500) {
        Log.warning("PostToConnection refused for connection " + connectionId, refused);
        return Delivery.REFUSED;
      }
      Log.warning(
          "PostToConnection failed for connection "
              + connectionId
              + " after "
              + refused.numAttempts()
              + " attempts",
          refused);
      return Delivery.DEFERRED;
    } catch (SdkException failed) {
      Log.warning("PostToConnection failed for connection " + connectionId, failed);
      return Delivery.DEFERRED;
    }
  }
}

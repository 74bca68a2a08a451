package dev.catalog.feed;

import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.testing.DynamoDbLocal;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The feed's route functions on DynamoDB Local, each calling as itself, within its template policy. */
public final class FeedFunctions {
  private final DynamoDbLocal dynamo;

  public FeedFunctions(DynamoDbLocal dynamo) {
    this.dynamo = dynamo;
  }

  /** The store as the function sees it: its identity, its policy, the connections table of this test class. */
  public ConnectionStore store(String function) {
    return new ConnectionStore(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo.functionClient(function)).build(),
        dynamo.tableName("ConnectionsTable"), Clock.systemUTC());
  }

  public FeedContext context(String function) {
    return new FeedContext(store(function), Clock.systemUTC());
  }

  public ConnectHandler connect() {
    return new ConnectHandler(context("FeedConnectFunction"));
  }

  public DisconnectHandler disconnect() {
    return new DisconnectHandler(context("FeedDisconnectFunction"));
  }

  public SubscribeHandler subscribe() {
    return new SubscribeHandler(context("FeedSubscribeFunction"));
  }

  public UnsubscribeHandler unsubscribe() {
    return new UnsubscribeHandler(context("FeedUnsubscribeFunction"));
  }

  /** The administrator's view of the table, outside any function's policy. */
  public ConnectionStore admin() {
    return new ConnectionStore(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo.client()).build(),
        dynamo.tableName("ConnectionsTable"), Clock.systemUTC());
  }
}

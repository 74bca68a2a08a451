package dev.catalog.feed;

import dev.catalog.feed.connections.ConnectionStore;
import dev.catalog.local.auth.LocalAuth;
import dev.catalog.local.events.websocket.LocalWebSocketApi;
import dev.catalog.storage.DynamoDbClients;
import dev.catalog.testing.DynamoDbLocal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feed's route functions on DynamoDB Local, each calling as itself, within its template policy; and the
 * development issuer that the {@code $connect} authorizer trusts, for connections through the local WebSocket API.
 */
public final class FeedFunctions implements AutoCloseable {
  private final DynamoDbLocal dynamo;
  private LocalAuth auth;

  public FeedFunctions(DynamoDbLocal dynamo) {
    this.dynamo = dynamo;
  }

  /** The store as the function sees it: its identity, its policy, the connections table of this test class. */
  public ConnectionStore store(String function) {
    return store(function, Clock.systemUTC());
  }

  /** The store as the function sees it, whose time is {@code clock}'s. */
  public ConnectionStore store(String function, Clock clock) {
    return new ConnectionStore(
        dynamo.functionClient(function, DynamoDbClients::builder),
        dynamo.tableName("ConnectionsTable"),
        clock);
  }

  public FeedContext context(String function) {
    return new FeedContext(store(function), Clock.systemUTC());
  }

  public ConnectHandler connect() {
    return connect(Clock.systemUTC());
  }

  /** {@code $connect} with the template's cap, whose time is {@code clock}'s. */
  public ConnectHandler connect(Clock clock) {
    return new ConnectHandler(
        new FeedContext(store("FeedConnectFunction", clock), clock), maxConnectionsPerPrincipal());
  }

  /** The cap on a principal's connections, as the template passes it to {@code $connect}. */
  public int maxConnectionsPerPrincipal() {
    return Integer.parseInt(
        dynamo.environment("FeedConnectFunction").get("MAX_CONNECTIONS_PER_PRINCIPAL"));
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
    return new ConnectionStore(
        dynamo.client(), dynamo.tableName("ConnectionsTable"), Clock.systemUTC());
  }

  /**
   * The template's WebSocket API on DynamoDB Local, on a free port, its functions run with {@link #environment} under
   * their own policies; the caller closes it.
   */
  public LocalWebSocketApi webSocketApi() {
    return LocalWebSocketApi.builder(dynamo.template(), dynamo.resolver())
        .iam(dynamo.iam())
        .environment(this::environment)
        .port(0)
        .start();
  }

  /** A function's environment on DynamoDB Local; one that verifies tokens itself trusts the development issuer. */
  public Map<String, String> environment(String function) {
    Map<String, String> environment = new LinkedHashMap<>(dynamo.environment(function));
    if (environment.containsKey("TOKEN_ISSUER")) {
      environment.putAll(auth().tokenEnvironment());
    }
    return environment;
  }

  /** A person's access token from the development issuer, as a client passes it in {@code ?token=}. */
  public String token() {
    return token("feed-reader");
  }

  /** The access token of the person {@code username}, a principal of its own. */
  public String token(String username) {
    return auth().developmentIssuer().orElseThrow().person(username, List.of()).accessToken();
  }

  /** As {@link #token()}, expiring {@code lifetime} after it is issued. */
  public String token(Duration lifetime) {
    return auth()
        .developmentIssuer()
        .orElseThrow()
        .withLifetime(lifetime)
        .person("feed-reader", List.of())
        .accessToken();
  }

  private synchronized LocalAuth auth() {
    if (auth == null) {
      auth = LocalAuth.development(dynamo.template());
    }
    return auth;
  }

  @Override
  public synchronized void close() {
    if (auth != null) {
      auth.close();
    }
  }
}

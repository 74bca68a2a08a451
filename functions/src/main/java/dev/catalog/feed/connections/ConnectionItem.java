package dev.catalog.feed.connections;

import io.avaje.validation.constraints.NotEmpty;
import io.avaje.validation.constraints.NotNull;
import io.avaje.validation.constraints.Pattern;
import io.avaje.validation.constraints.Positive;
import io.avaje.validation.constraints.Size;
import io.avaje.validation.constraints.Valid;
import java.time.Instant;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One item of the connections table: a connection's own item ({@code entry} {@value Topic#CONNECTION}: who connected
 * and when) or one of its subscriptions ({@code entry} and {@code topic} the {@link Topic}'s key; the connection's own item also lists them in {@code topics}). All items of a
 * connection share its partition, so it is removed with one Query and one batch of deletes; only subscriptions carry
 * {@code topic}, so the index {@value ConnectionStore#TOPIC_INDEX} holds nothing else, and a fan-out reads one
 * topic's connections with one Query. Every item expires ({@code expiresAt}, the table's TTL) when the connection
 * ends at the latest: two hours after it opened, or when its token expires, if sooner.
 */
@Valid
@DynamoDbBean
public class ConnectionItem {
  /** API Gateway's connection ids are short base64 strings such as {@code L0SM9cOFvHcCIhw=}. */
  static final String CONNECTION_ID = "[A-Za-z0-9+/=_-]{1,128}";

  @NotNull
  @Pattern(regexp = CONNECTION_ID, message = "must be an API Gateway connection id")
  private String connectionId;

  @NotEmpty
  @Size(max = 300)
  private String entry;

  @Size(max = 300)
  private String topic;

  @Size(max = 256)
  private String principalId;

  @Pattern(regexp = ConnectionStore.SWEEP)
  private String sweep;

  private Instant connectedAt;

  private Set<String> topics;

  @NotNull @Positive private Long expiresAt;

  @DynamoDbPartitionKey
  @DynamoDbSecondarySortKey(indexNames = ConnectionStore.TOPIC_INDEX)
  public String getConnectionId() {
    return connectionId;
  }

  public void setConnectionId(String connectionId) {
    this.connectionId = connectionId;
  }

  /** {@value Topic#CONNECTION} for the connection's own item, else the key of the topic subscribed to. */
  @DynamoDbSortKey
  public String getEntry() {
    return entry;
  }

  public void setEntry(String entry) {
    this.entry = entry;
  }

  /** The topic's key on a subscription, absent on the connection's own item (which keeps it out of the index). */
  @DynamoDbSecondaryPartitionKey(indexNames = ConnectionStore.TOPIC_INDEX)
  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  /**
   * {@value ConnectionStore#SWEEP} on the connection's own item, absent on subscriptions (which keeps them out of
   * the index): the hash key of {@value ConnectionStore#EXPIRY_INDEX}, where the sweep finds ended connections.
   */
  @DynamoDbSecondaryPartitionKey(indexNames = ConnectionStore.EXPIRY_INDEX)
  public String getSweep() {
    return sweep;
  }

  public void setSweep(String sweep) {
    this.sweep = sweep;
  }

  /** Who connected: the principal id the {@code $connect} authorizer returned; on the connection's own item. */
  public String getPrincipalId() {
    return principalId;
  }

  public void setPrincipalId(String principalId) {
    this.principalId = principalId;
  }

  /** When API Gateway accepted the connection; on the connection's own item. */
  public Instant getConnectedAt() {
    return connectedAt;
  }

  public void setConnectedAt(Instant connectedAt) {
    this.connectedAt = connectedAt;
  }

  /**
   * The keys of the topics the connection holds, on the connection's own item (absent when none): the bookkeeping a
   * subscribe's conditional write checks, so that the cap on topics holds under concurrent subscribes.
   */
  public Set<String> getTopics() {
    return topics;
  }

  public void setTopics(Set<String> topics) {
    this.topics = topics;
  }

  /**
   * Epoch seconds when the connection ends at the latest (API Gateway closes it, or its token expires); DynamoDB's
   * TTL deletes the item some time after. The range key of {@value ConnectionStore#EXPIRY_INDEX}.
   */
  @DynamoDbSecondarySortKey(indexNames = ConnectionStore.EXPIRY_INDEX)
  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }
}

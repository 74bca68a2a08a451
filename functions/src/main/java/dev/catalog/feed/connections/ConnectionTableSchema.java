package dev.catalog.feed.connections;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The table schema of {@link ConnectionItem}, written out as the products' is (a test holds it equal to the
 * annotations): {@code TableSchema.fromBean} would spend about 100 ms of each cold start on introspection.
 */
final class ConnectionTableSchema {
  static final TableSchema<ConnectionItem> SCHEMA =
      StaticTableSchema.builder(ConnectionItem.class)
          .newItemSupplier(ConnectionItem::new)
          .addAttribute(
              String.class,
              a ->
                  a.name("connectionId")
                      .getter(ConnectionItem::getConnectionId)
                      .setter(ConnectionItem::setConnectionId)
                      .tags(primaryPartitionKey(), secondarySortKey(ConnectionStore.TOPIC_INDEX)))
          .addAttribute(
              String.class,
              a ->
                  a.name("entry")
                      .getter(ConnectionItem::getEntry)
                      .setter(ConnectionItem::setEntry)
                      .tags(primarySortKey()))
          .addAttribute(
              String.class,
              a ->
                  a.name("topic")
                      .getter(ConnectionItem::getTopic)
                      .setter(ConnectionItem::setTopic)
                      .tags(secondaryPartitionKey(ConnectionStore.TOPIC_INDEX)))
          .addAttribute(
              String.class,
              a ->
                  a.name("principalId")
                      .getter(ConnectionItem::getPrincipalId)
                      .setter(ConnectionItem::setPrincipalId))
          .addAttribute(
              String.class,
              a ->
                  a.name("sweep")
                      .getter(ConnectionItem::getSweep)
                      .setter(ConnectionItem::setSweep)
                      .tags(secondaryPartitionKey(ConnectionStore.EXPIRY_INDEX)))
          .addAttribute(
              Instant.class,
              a ->
                  a.name("connectedAt")
                      .getter(ConnectionItem::getConnectedAt)
                      .setter(ConnectionItem::setConnectedAt))
          .addAttribute(
              EnhancedType.setOf(String.class),
              a ->
                  a.name("topics")
                      .getter(ConnectionItem::getTopics)
                      .setter(ConnectionItem::setTopics))
          .addAttribute(
              Long.class,
              a ->
                  a.name("expiresAt")
                      .getter(ConnectionItem::getExpiresAt)
                      .setter(ConnectionItem::setExpiresAt)
                      .tags(secondarySortKey(ConnectionStore.EXPIRY_INDEX)))
          .build();

  private ConnectionTableSchema() {}
}

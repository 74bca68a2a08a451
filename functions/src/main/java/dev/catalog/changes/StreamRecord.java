package dev.catalog.changes;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One record of a DynamoDB stream as Lambda hands it over ({@code Records[i]} of the {@code DynamodbEvent}), with
 * the images as the SDK's attribute values. An image the stream view does not carry is empty.
 *
 * @param eventId Lambda's {@code eventID}: the same on every delivery of this record, so it identifies the change
 * @param eventName INSERT, MODIFY or REMOVE
 * @param sequenceNumber {@code dynamodb.SequenceNumber}: what a batch response names to retry from
 * @param approximateCreation {@code dynamodb.ApproximateCreationDateTime}, when DynamoDB wrote the change (null if absent)
 * @param keys {@code dynamodb.Keys}
 * @param oldImage {@code dynamodb.OldImage}, the item before the change
 * @param newImage {@code dynamodb.NewImage}, the item after the change
 */
public record StreamRecord(
    String eventId,
    String eventName,
    String sequenceNumber,
    Instant approximateCreation,
    Map<String, AttributeValue> keys,
    Map<String, AttributeValue> oldImage,
    Map<String, AttributeValue> newImage) {

  public StreamRecord {
    keys = Map.copyOf(keys);
    oldImage = Map.copyOf(oldImage);
    newImage = Map.copyOf(newImage);
  }
}

/**
 * The products table's changes, as its DynamoDB stream reports them, for every consumer of that stream (the live
 * feed's fan-out and the product events function).
 *
 * <p>A stream consumer reads the batch Lambda hands it with {@link dev.catalog.changes.StreamBatch#read} (on the
 * streaming parser; images read into the SDK's {@code AttributeValue}s by {@code DynamoDbJson}, so the table schema
 * maps a stream image exactly as it maps an item read from the table), turns each
 * {@link dev.catalog.changes.StreamRecord} into a {@link dev.catalog.changes.ProductChange} with
 * {@link dev.catalog.changes.ProductChange#of} (created, updated or deleted by {@link dev.catalog.changes.ChangeType};
 * the record's {@code eventID} as {@code eventId}; {@code previousCategory} on a move; the product written as the REST
 * API writes it; empty for an item that is not a product), writes the change with
 * {@link dev.catalog.changes.ProductChange#write} (the JSON of the feed's message and of the SNS message alike) and
 * answers Lambda with {@link dev.catalog.changes.StreamBatch#writeFailures}: the record to retry from. Records are
 * handled in the stream's order, and the first one not handled ends the batch, so a product's changes never overtake
 * each other. Everything is read and written with Jackson's streaming API, so no reflective serializer and no event
 * library loads at cold start.
 */
package dev.catalog.changes;

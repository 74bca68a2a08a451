/**
 * The products table's changes, as its DynamoDB stream reports them, for every consumer of that stream (the live
 * feed's fan-out and the product events function).
 *
 * <p>A stream consumer extends {@link dev.catalog.changes.StreamConsumer}, which reads the batch Lambda hands it with
 * {@link dev.catalog.changes.StreamBatch#read}, turns each {@link dev.catalog.changes.StreamRecord} into a
 * {@link dev.catalog.changes.ProductChange} with {@link dev.catalog.changes.ProductChange#of} (empty for an item that
 * is not a product), hands the consumer each change in the stream's order, and answers Lambda with
 * {@link dev.catalog.changes.StreamBatch#writeFailures}: the record to retry from. The consumer writes a change with
 * {@link dev.catalog.changes.ProductChange#write}. The first change not handled ends the batch, so a product's changes
 * never overtake each other. Everything is read and written with Jackson's streaming API, so no
 * reflective serializer and no event library loads at cold start.
 */
package dev.catalog.changes;

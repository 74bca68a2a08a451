/**
 * The products table's changes, as its DynamoDB stream reports them, for every consumer of that stream.
 *
 * <p>A stream consumer reads the batch Lambda hands it with {@link dev.catalog.changes.StreamBatch#read}, turns each
 * {@link dev.catalog.changes.StreamRecord} into a {@link dev.catalog.changes.ProductChange} with
 * {@link dev.catalog.changes.ProductChange#of} (empty for an item that is not a product), writes the change with
 * {@link dev.catalog.changes.ProductChange#write} and answers Lambda with
 * {@link dev.catalog.changes.StreamBatch#writeFailures}: the records to retry from. Everything is read and written
 * with Jackson's streaming API, so no reflective serializer and no event library loads at cold start.
 */
package dev.catalog.changes;

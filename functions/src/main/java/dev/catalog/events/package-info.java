/**
 * Product events on SNS, {@code ProductEventsFunction}: {@link dev.catalog.events.ProductEventsHandler}, a
 * {@link dev.catalog.changes.StreamConsumer}, consumes the products table's stream and publishes each change in the
 * stream's order; the first record not published, or not readable, is reported for Lambda to retry from, and nothing
 * after it is published.
 *
 * <ul>
 *   <li>{@link dev.catalog.events.ProductEvents}: a change's messages ({@link dev.catalog.events.ProductEvent}): the
 *       change's JSON with the message attributes filter policies use ({@code eventType}, {@code category},
 *       {@code previousCategory}, {@code productId}, {@code eventId}, {@code stock}), plus a low-stock message when
 *       {@link dev.catalog.events.LowStock} sees the stock cross below the threshold (on creation, or from the
 *       threshold or more to less; deletes never).
 *   <li>{@link dev.catalog.events.EventPublisher}: one Publish per event; throttling, 5xx and no answer retried with
 *       back-off until the invocation's deadline; every attempt after an event's first, the SDK's included, counted
 *       as a retry.
 *   <li>{@link dev.catalog.events.SnsClients}: the SNS client, configured as the DynamoDB clients are, its attempts
 *       counted, {@code SNS_ENDPOINT} for a local endpoint.
 *   <li>{@link dev.catalog.events.BatchMetrics}: one log line per batch, at once its Embedded Metric Format metrics.
 *   <li>Its SnapStart priming ({@code ProductEventsPriming}, run by {@link dev.catalog.kernel.Priming}) runs the path
 *       short of the network and publishes nothing.
 * </ul>
 */
package dev.catalog.events;

/**
 * Product events on SNS: {@link dev.catalog.events.ProductEventsHandler} consumes the products table's stream and
 * publishes each change ({@link dev.catalog.events.ProductEvents}: the change's JSON with message attributes for
 * filter policies), plus a low-stock event when a product's stock crosses below the threshold
 * ({@link dev.catalog.events.LowStock}), through {@link dev.catalog.events.EventPublisher}.
 */
package dev.catalog.events;

/**
 * The live feed's WebSocket API: one thin handler per route ({@code $connect}, {@code $disconnect},
 * {@code subscribe}, {@code unsubscribe}, {@code $default}) over {@link dev.catalog.feed.FeedHandler}, which reads
 * API Gateway's WebSocket event as a stream and maps every failure to a problem-shaped reply in one place.
 */
package dev.catalog.feed;

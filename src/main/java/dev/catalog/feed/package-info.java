/**
 * The live feed's WebSocket API: one thin handler per route ({@code $connect}, {@code $disconnect},
 * {@code subscribe}, {@code unsubscribe}, {@code $default}) over {@link dev.catalog.feed.FeedHandler}, which reads
 * API Gateway's WebSocket event as a stream and answers every failure with the problem
 * {@link dev.catalog.kernel.Failures#answer} maps it to, as the REST functions do, in the feed's error reply.
 */
package dev.catalog.feed;

/**
 * The live feed's WebSocket API: one thin handler per route over {@link dev.catalog.feed.FeedHandler}, which reads
 * API Gateway's WebSocket event as a stream ({@link dev.catalog.feed.WebSocketEventCodec} into a
 * {@link dev.catalog.feed.WebSocketEvent}), answers every failure with the problem
 * {@link dev.catalog.kernel.Failures#answer} maps it to, as the REST functions do, in the feed's error reply
 * ({@link dev.catalog.feed.FeedReply}: {@code {"type":"error","problem":{...}}}) and writes the request line.
 *
 * <ul>
 *   <li>The routes: {@link dev.catalog.feed.ConnectHandler} ({@code $connect}: the connection, its principal and
 *       the subscriptions of its query), {@link dev.catalog.feed.DisconnectHandler},
 *       {@link dev.catalog.feed.SubscribeHandler} (at most {@link dev.catalog.feed.SubscribeHandler#MAX_TOPICS} topics
 *       per connection), {@link dev.catalog.feed.UnsubscribeHandler} and {@link dev.catalog.feed.DefaultRouteHandler}
 *       (every message no route took, answered with an error reply saying why).
 *   <li>{@link dev.catalog.feed.Subscription}: what a client subscribes to, some categories (held to a product's
 *       category rule) or all products, read strictly by {@link dev.catalog.feed.SubscriptionReader} from a message
 *       (within 16 KiB, strict JSON, no unknown member, every failing field listed) or from the {@code $connect}
 *       query.
 *   <li>{@link dev.catalog.feed.FeedContext}: the connections store and the clock, built once per container; each
 *       handler's no-argument constructor names the DynamoDB calls its SnapStart priming makes, within its policy
 *       ({@code FeedPriming}, run by {@link dev.catalog.kernel.Priming}).
 * </ul>
 */
package dev.catalog.feed;

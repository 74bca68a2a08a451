/**
 * The live feed's fan-out, {@code FeedFanOutFunction}: each change of the products stream posted to every WebSocket
 * connection subscribed to its category (old and new) or to all products, through API Gateway's management API.
 *
 * <ul>
 *   <li>{@link dev.catalog.feed.fanout.FeedFanOutHandler}: the stream's consumer, a
 *       {@link dev.catalog.changes.StreamConsumer}: records in order, the first one not delivered reported in
 *       {@code batchItemFailures}; one line with the batch's metrics.
 *   <li>{@link dev.catalog.feed.fanout.FanOut}: one change to its subscribers: a Query per topic, each connection once,
 *       posts in parallel, none to a connection whose token expired; a gone connection removed; a post deferred (throttled or failed past the retries) makes
 *       the whole change be sent again later, under the same {@code eventId}.
 *   <li>{@link dev.catalog.feed.fanout.ConnectionsApi}: {@code PostToConnection} through the SDK's management client
 *       on the URL connection HTTP client, its retries, and the outcome of a post, a
 *       {@link dev.catalog.feed.fanout.Delivery}; also {@code DeleteConnection}, for the sweep
 *       ({@code dev.catalog.feed.sweep}).
 *   <li>Its SnapStart priming ({@code FanOutPriming}, run by {@link dev.catalog.kernel.Priming}) makes the subscriber
 *       Queries of a change no one follows.
 * </ul>
 */
package dev.catalog.feed.fanout;

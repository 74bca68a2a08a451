/**
 * The feed's sweep, {@code FeedSweepFunction}, run every minute by a schedule: every connection whose life has ended
 * (the token it was opened with expired, or API Gateway's two hours are over) is closed through API Gateway's
 * management API ({@code DeleteConnection}) and its items removed.
 *
 * <ul>
 *   <li>{@link dev.catalog.feed.sweep.FeedSweepHandler}: the scheduled function; one line per run with its metrics.
 *   <li>{@link dev.catalog.feed.sweep.Sweep}: one run: the expiry index queried, the connections found closed in
 *       parallel, a connection that could not be closed kept for the next run.
 * </ul>
 */
package dev.catalog.feed.sweep;

package dev.catalog.feed.fanout;

/** What became of one post of a change to one connection. */
enum Delivery {
  /** The connection received the message. */
  DELIVERED,
  /** The connection no longer exists (410): its items are removed. */
  GONE,
  /** API Gateway refused this message for this connection for good (a 4xx other than 410 and 429). */
  REFUSED,
  /** Throttling, a 5xx or no answer, after the client's retries: the change is tried again later. */
  DEFERRED,
  /** The connection's life ended (its token expired) before the post: not sent; the sweep closes it. */
  ENDED
}

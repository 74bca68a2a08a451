/**
 * The connections table of the live feed and its one store: who is connected, and which connection listens to which
 * topic, found per topic with a Query on a sparse index.
 *
 * <ul>
 *   <li>{@link dev.catalog.feed.connections.ConnectionItem}: an item of the table, a connection's own or one
 *       subscription (a DynamoDB bean with declarative constraints); its schema written out in
 *       {@link dev.catalog.feed.connections.ConnectionTableSchema} (a test holds it equal to the annotations).
 *   <li>{@link dev.catalog.feed.connections.Topic}: a category or all products, and its stored key.
 *   <li>{@link dev.catalog.feed.connections.ConnectionStore}: a connection and its subscriptions written in one
 *       transaction, every item expiring with the connection (API Gateway closes it after 2 hours; the table's TTL
 *       removes the items), subscribers of a topic by a Query on the index {@code byTopic} (expired items left out),
 *       a connection removed with a Query and batch deletes; the two caps, each held by a conditional write on
 *       one item: a connection's topics (listed on its own item) and a principal's connections.
 *   <li>{@link dev.catalog.feed.connections.PrincipalSlots}: each principal's open connections, one item per
 *       principal whose map gives each connection's end, so that a slot whose {@code $disconnect} never came
 *       comes back when its connection's life is over.
 * </ul>
 */
package dev.catalog.feed.connections;

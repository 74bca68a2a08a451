/**
 * The connections table of the live feed and its one store: who is connected, and which connection listens to which
 * topic (a category, or all products), found per topic with a Query on a sparse index.
 */
package dev.catalog.feed.connections;

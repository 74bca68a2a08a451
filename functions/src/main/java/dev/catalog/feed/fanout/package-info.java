/**
 * The live feed's fan-out: each change of the products stream, posted to every WebSocket connection subscribed to
 * its category (old and new) or to all products, through API Gateway's management API.
 */
package dev.catalog.feed.fanout;

/**
 * Products API: a product catalog REST API on AWS Lambda, API Gateway and DynamoDB, with a live feed over WebSocket
 * and product events on SNS. Every function, whatever invokes it, is built on {@link dev.catalog.kernel}; the REST
 * functions on {@link dev.catalog.http} too, the stream consumers on {@link dev.catalog.changes.StreamConsumer}.
 */
package dev.catalog;

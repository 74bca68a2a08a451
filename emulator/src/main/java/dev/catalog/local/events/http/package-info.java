/**
 * The REST API as an event source: {@link dev.catalog.local.events.http.LocalApi} serves the template's Api events
 * over HTTP (Jetty's server, every request target passed through as sent by
 * {@link dev.catalog.local.events.http.RawTargetConnections}), converts requests and responses with
 * {@link dev.catalog.local.events.http.HttpExchanges} (API Gateway's REST proxy events, the stage of
 * {@link dev.catalog.local.events.http.ApiStage}) and answers API Gateway's own errors
 * ({@link dev.catalog.local.events.http.GatewayError}); one {@link dev.catalog.local.events.http.AccessLine} per
 * request.
 */
package dev.catalog.local.events.http;

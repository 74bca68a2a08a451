/**
 * The REST API as an event source: {@link dev.catalog.local.events.http.LocalApi} serves the template's Api events
 * over HTTP (Jetty's server, every request target passed through as sent by
 * {@link dev.catalog.local.events.http.RawTargetConnections}), converts requests and responses with
 * {@link dev.catalog.local.events.http.HttpExchanges} (API Gateway's REST proxy events, the stage of
 * {@link dev.catalog.local.events.http.ApiStage}) and answers API Gateway's own errors
 * ({@link dev.catalog.local.events.http.GatewayError}); one {@link dev.catalog.local.events.http.AccessLine} per
 * request. What only this machine's pages and tools may use (the token endpoint; every route with authentication
 * off) is decided by {@link dev.catalog.local.events.http.LoopbackOnly}.
 */
package dev.catalog.local.events.http;

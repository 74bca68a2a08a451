/**
 * The WebSocket API as an event source, from the template's {@code AWS::ApiGatewayV2} resources
 * ({@link dev.catalog.template.WebSocketApiDef}): {@link dev.catalog.local.events.websocket.LocalWebSocketApi} (Jetty's
 * WebSocket server, API Gateway's limits), {@link dev.catalog.local.events.websocket.Connections} (the open
 * connections, {@link dev.catalog.local.events.websocket.Connection}), and the {@code @connections} management API on
 * the same port ({@link dev.catalog.local.events.websocket.ConnectionsApi}), authorised by the callers' template
 * policies through {@link dev.catalog.local.iam.LocalIam#authorize}.
 */
package dev.catalog.local.events.websocket;

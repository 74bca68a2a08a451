/**
 * The WebSocket API as an event source, from the template's {@code AWS::ApiGatewayV2} resources
 * ({@link dev.catalog.template.WebSocketApiDef}).
 *
 * <ul>
 *   <li>{@link dev.catalog.local.events.websocket.LocalWebSocketApi}: Jetty's WebSocket server on {@code
 *       -Dlocal.wsPort}, with API Gateway's limits (128 KB messages, idle timeout, maximum lifetime); {@link
 *       dev.catalog.local.events.websocket.ClientConnection}: Jetty's listener of one connection, messages taken in
 *       parts, a refused message (too large, binary) read to its end before the 1009 or 1003 so the client is not
 *       reset; {@link dev.catalog.local.events.websocket.PlainRequests}: any other plain request on the port answered
 *       as API Gateway would, never a server page.
 *   <li>{@link dev.catalog.local.events.websocket.WebSocketGateway}: what API Gateway does per route: {@code $connect}
 *       before the handshake is answered, {@code $disconnect} once, route selection ({@link
 *       dev.catalog.local.events.websocket.RouteSelection}), route responses, its own error messages; {@link
 *       dev.catalog.local.events.websocket.ConnectAuthorizer}: the {@code $connect} route's Lambda REQUEST authorizer
 *       and its policy; {@link dev.catalog.local.events.websocket.WebSocketEvents}: the proxy and authorizer events;
 *       {@link dev.catalog.local.events.websocket.RouteInvoker}: hands them to {@link dev.catalog.local.lambda}.
 *   <li>{@link dev.catalog.local.events.websocket.Connections}: the open connections ({@link
 *       dev.catalog.local.events.websocket.Connection}); {@link dev.catalog.local.events.websocket.ConnectionsApi}:
 *       {@code @connections} POST, GET and DELETE on the same port, authorised by the callers' template policies
 *       through {@link dev.catalog.local.iam.LocalIam#authorize}.
 * </ul>
 */
package dev.catalog.local.events.websocket;

package dev.catalog.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the feed's functions read of API Gateway's WebSocket event: the route, the connection and when it opened,
 * who opened it (the {@code $connect} authorizer's principal, passed on with every later event of the connection),
 * the query of a {@code $connect}, and the body of a message.
 *
 * @param tokenExpiresAt the epoch second the token the connection was opened with expires ({@code expiresAt} of
 *     the authorizer's context, passed on with every event as the principal is); null when the context has none
 * @param query the query parameters of a {@code $connect}, each with every value given; empty otherwise
 * @param body a message's body as sent (base64 when {@code base64}); null for a connect or disconnect
 */
public record WebSocketEvent(
    String routeKey,
    String eventType,
    String connectionId,
    Instant connectedAt,
    String requestId,
    String principalId,
    Long tokenExpiresAt,
    Map<String, List<String>> query,
    String body,
    boolean base64) {}

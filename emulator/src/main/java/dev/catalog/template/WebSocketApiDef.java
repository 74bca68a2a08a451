package dev.catalog.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's WebSocket API: an {@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}, with its
 * stage and the routes that belong to it, each resolved through its integration to the function it invokes (see
 * {@link WebSocketApiReader}). SAM has no resource of its own for WebSocket APIs, so these are CloudFormation's.
 *
 * @param logicalId e.g. {@code FeedApi}
 * @param apiId what {@code Ref} to the API yields locally, the API id in events and ARNs
 * @param stage the StageName of the {@code AWS::ApiGatewayV2::Stage} of the API
 * @param routeSelectionExpression e.g. {@code $request.body.action}
 * @param routes by route key ({@code $connect}, {@code $disconnect}, {@code $default}, {@code subscribe}...)
 */
public record WebSocketApiDef(
    String logicalId,
    String apiId,
    String stage,
    String routeSelectionExpression,
    Map<String, Route> routes) {
  public static final String API = "AWS::ApiGatewayV2::Api";

  public WebSocketApiDef {
    routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
  }

  /** The template's WebSocket API with its intrinsics resolved by {@code resolver}; empty when it has none. */
  public static Optional<WebSocketApiDef> of(SamTemplate template, IntrinsicResolver resolver) {
    return WebSocketApiReader.read(template, resolver);
  }

  /** The route of this key, if the API has one. */
  public Optional<Route> route(String routeKey) {
    return Optional.ofNullable(routes.get(routeKey));
  }

  /**
   * One route: its key, the function its Lambda proxy integration invokes, its authorizer (only {@code $connect}
   * may have one), and whether it has a route response (only then does the client receive the function's body).
   */
  public record Route(
      String logicalId,
      String routeKey,
      String function,
      Authorizer authorizer,
      boolean routeResponse) {}

  /**
   * A Lambda REQUEST authorizer: its function and identity sources, e.g. {@code route.request.querystring.token}.
   */
  public record Authorizer(String logicalId, String function, List<String> identitySources) {
    public Authorizer {
      identitySources = List.copyOf(identitySources);
    }
  }
}

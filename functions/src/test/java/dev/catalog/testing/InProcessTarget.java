package dev.catalog.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.catalog.http.Cors;
import dev.catalog.http.RouteMethods;
import dev.catalog.local.auth.GatewayResponses;
import dev.catalog.local.auth.LocalAuth;
import dev.catalog.local.events.http.ProxyEvents;
import dev.catalog.local.lambda.LambdaJson;
import dev.catalog.products.PageCursor;
import dev.catalog.products.ProductsContext;
import dev.catalog.template.ApiRoutes;
import dev.catalog.template.FunctionDef;
import dev.catalog.template.SamTemplate;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Serves {@link ApiCall}s by calling the template's handlers directly, each with a {@link ProductsContext} of its own
 * on this test class's tables, calling DynamoDB as the function within its template policy: the route table is the
 * template's, the event is the JSON API Gateway would send, through the handler's stream interface as Lambda calls it, and no HTTP is involved. Each function has one handler
 * instance (the handlers are stateless, so concurrent calls are safe).
 */
final class InProcessTarget implements ApiTarget {
  private final ApiRoutes routes;
  private final LocalAuth auth;
  private final Map<String, RequestStreamHandler> handlers = new HashMap<>();

  /**
   * @param contexts each function's context, by logical id
   * @param environment each function's template environment, by logical id, for what a context does not hold
   */
  InProcessTarget(
      SamTemplate template,
      LocalAuth auth,
      Function<String, ProductsContext> contexts,
      Function<String, Map<String, String>> environment) {
    this.routes = new ApiRoutes(template);
    this.auth = auth;
    template.functions().values().stream()
        .filter(function -> !function.routes().isEmpty())
        .forEach(
            function ->
                handlers.put(
                    function.logicalId(),
                    instantiate(
                        function,
                        contexts.apply(function.logicalId()),
                        environment.apply(function.logicalId()))));
  }

  @Override
  public ApiResult send(ApiCall call) {
    String path = call.pathAndQuery().split("\\?", 2)[0];
    var selected = routes.select(call.method(), path);
    if (selected.isEmpty()) {
      // What API Gateway's REST API answers for a path or method no route serves, as the template
      // shapes it.
      return result(
          auth.gatewayResponses()
              .render(
                  "MISSING_AUTHENTICATION_TOKEN",
                  403,
                  "Missing Authentication Token",
                  "{\"message\":\"Missing Authentication Token\"}",
                  UUID.randomUUID().toString(),
                  name -> header(call, name)));
    }
    String requestId = UUID.randomUUID().toString();
    Map<String, String> claims = null;
    switch (auth.check(selected.get().route(), requestId, name -> header(call, name))) {
      case LocalAuth.Open open -> {}
      case LocalAuth.Authorized authorized -> claims = authorized.claims();
      case LocalAuth.Unauthorized refused -> {
        return result(refused.response());
      }
    }
    APIGatewayProxyRequestEvent event =
        ProxyEvents.request(call.method(), call.pathAndQuery())
            .resource(selected.get().route().path())
            .pathParameters(selected.get().pathParameters())
            .headers(call.headers())
            .body(call.body())
            .requestId(requestId)
            .authorizerClaims(claims)
            .build();
    return ApiResult.of(
        LambdaJson.invoke(handlers.get(selected.get().function().logicalId()), event, null));
  }

  private static ApiResult result(GatewayResponses.Rendered rendered) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    rendered.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    return new ApiResult(rendered.status(), headers, rendered.body());
  }

  private static String header(ApiCall call, String name) {
    String value = null;
    for (Map.Entry<String, String> header : call.headers()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        value = header.getValue();
      }
    }
    return value;
  }

  private static RequestStreamHandler instantiate(
      FunctionDef function, ProductsContext context, Map<String, String> environment) {
    try {
      Class<?> type = Class.forName(function.handlerClass());
      for (Constructor<?> constructor : type.getConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && parameters[0] == ProductsContext.class) {
          return (RequestStreamHandler) constructor.newInstance(context);
        }
        if (parameters.length == 2
            && parameters[0] == ProductsContext.class
            && parameters[1] == PageCursor.class) {
          return (RequestStreamHandler)
              constructor.newInstance(
                  context, new PageCursor(environment.get("CURSOR_SIGNING_KEY")));
        }
        if (parameters.length == 2
            && parameters[0] == Cors.class
            && parameters[1] == RouteMethods.class) {
          return (RequestStreamHandler)
              constructor.newInstance(
                  context.cors(), RouteMethods.parse(environment.get("ROUTE_METHODS")));
        }
      }
      throw new IllegalStateException(
          function.handlerClass()
              + " has no constructor taking ProductsContext (and a PageCursor), or Cors and RouteMethods");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create " + function.handler(), e);
    }
  }
}

package dev.catalog.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.catalog.http.Cors;
import dev.catalog.http.RouteMethods;
import dev.catalog.products.ProductsContext;
import dev.catalog.template.ApiRoutes;
import dev.catalog.template.FunctionDef;
import dev.catalog.template.SamTemplate;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Serves {@link ApiCall}s by calling the template's handlers directly, each with a {@link ProductsContext} of its own
 * on this test class's tables, calling DynamoDB as the function within its template policy: the route table is the
 * template's, the event is the one API Gateway would send, and no HTTP is involved. Each function has one handler
 * instance (the handlers are stateless, so concurrent calls are safe).
 */
final class InProcessTarget implements ApiTarget {
  private final ApiRoutes routes;
  private final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers =
      new HashMap<>();

  /**
   * @param contexts each function's context, by logical id
   * @param environment each function's template environment, by logical id, for what a context does not hold
   */
  InProcessTarget(SamTemplate template, Function<String, ProductsContext> contexts,
      Function<String, Map<String, String>> environment) {
    this.routes = new ApiRoutes(template);
    template.functions().values().stream().filter(function -> !function.routes().isEmpty())
        .forEach(function -> handlers.put(function.logicalId(),
            instantiate(function, contexts.apply(function.logicalId()), environment.apply(function.logicalId()))));
  }

  @Override
  public ApiResult send(ApiCall call) {
    String path = call.pathAndQuery().split("\\?", 2)[0];
    var selected = routes.select(call.method(), path);
    if (selected.isEmpty()) {
      // What API Gateway's REST API answers for a path or method no route serves.
      return new ApiResult(403, Map.of("Content-Type", List.of("application/json")),
          "{\"message\":\"Missing Authentication Token\"}");
    }
    APIGatewayProxyRequestEvent event = ProxyEvents.of(call.method(), selected.get().route().path(),
        call.pathAndQuery(), selected.get().pathParameters(), call.headers(), call.body());
    return ApiResult.of(handlers.get(selected.get().function().logicalId()).handleRequest(event, null));
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> instantiate(
      FunctionDef function, ProductsContext context, Map<String, String> environment) {
    try {
      Class<?> type = Class.forName(function.handlerClass());
      for (Constructor<?> constructor : type.getConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && parameters[0] == ProductsContext.class) {
          return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
              constructor.newInstance(context);
        }
        if (parameters.length == 2 && parameters[0] == Cors.class && parameters[1] == RouteMethods.class) {
          return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
              constructor.newInstance(context.cors(), RouteMethods.parse(environment.get("ROUTE_METHODS")));
        }
      }
      throw new IllegalStateException(function.handlerClass()
          + " has no constructor taking ProductsContext, or Cors and RouteMethods");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create " + function.handler(), e);
    }
  }
}

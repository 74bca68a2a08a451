package dev.catalog.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.catalog.http.Cors;
import dev.catalog.products.ProductsContext;
import dev.catalog.template.FunctionDef;
import dev.catalog.template.Route;
import dev.catalog.template.SamTemplate;
import java.lang.reflect.Constructor;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves {@link ApiCall}s by calling the template's handlers directly, with a {@link ProductsContext} on this test
 * class's tables: the route table is the template's, the event is the one API Gateway would send, and no HTTP is
 * involved. Each function has one handler instance (the handlers are stateless, so concurrent calls are safe).
 */
final class InProcessTarget implements ApiTarget {
  private record Function(Route route, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {}

  private final List<Function> functions;

  InProcessTarget(SamTemplate template, ProductsContext context) {
    this.functions = template.routes().entrySet().stream()
        .map(entry -> new Function(entry.getKey(), instantiate(entry.getValue(), context)))
        .toList();
  }

  @Override
  public ApiResult send(ApiCall call) {
    String path = call.pathAndQuery().split("\\?", 2)[0];
    for (Function function : functions) {
      var parameters = function.route().match(path);
      if (parameters.isPresent() && function.route().allows(call.method())) {
        Map<String, String> decoded = new LinkedHashMap<>();
        parameters.get().forEach((name, value) -> decoded.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8)));
        APIGatewayProxyRequestEvent event = ProxyEvents.of(call.method(), function.route().path(), call.pathAndQuery(),
            decoded, call.headers(), call.body());
        return ApiResult.of(function.handler().handleRequest(event, null));
      }
    }
    // What API Gateway's REST API answers for a path or method no route serves.
    return new ApiResult(403, Map.of("Content-Type", List.of("application/json")),
        "{\"message\":\"Missing Authentication Token\"}");
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> instantiate(
      FunctionDef function, ProductsContext context) {
    try {
      Class<?> type = Class.forName(function.handlerClass());
      for (Constructor<?> constructor : type.getConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && parameters[0] == ProductsContext.class) {
          return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
              constructor.newInstance(context);
        }
        if (parameters.length == 1 && parameters[0] == Cors.class) {
          return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
              constructor.newInstance(context.cors());
        }
      }
      throw new IllegalStateException(function.handlerClass() + " has no constructor taking ProductsContext or Cors");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create " + function.handler(), e);
    }
  }
}

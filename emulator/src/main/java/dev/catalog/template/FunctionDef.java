package dev.catalog.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function}, with {@code Globals.Function} already applied.
 *
 * @param logicalId e.g. {@code GetProductFunction}
 * @param handlerClass fully qualified class, e.g. {@code dev.catalog.products.GetProductHandler}
 * @param handlerMethod e.g. {@code handleRequest}
 * @param runtime e.g. {@code java21}
 * @param timeoutSeconds the function's, else the global, else SAM's default of 3
 * @param memorySizeMb the function's, else the global, else SAM's default of 128
 * @param environment Globals.Function.Environment.Variables overlaid with the function's own; values are plain
 *     scalars or unresolved {@link Intrinsic}s (see {@link #environment(IntrinsicResolver)})
 * @param routes the function's {@code Api} events, in template order
 * @param snapStart true when {@code SnapStart.ApplyOn} is {@code PublishedVersions} (the function's, else the global)
 * @param codeUri the function's {@code CodeUri}, else the global, as written (a folder relative to the template, or
 *     an S3 location); null when neither has one
 */
public record FunctionDef(
    String logicalId,
    String handlerClass,
    String handlerMethod,
    String runtime,
    int timeoutSeconds,
    int memorySizeMb,
    Map<String, Object> environment,
    List<Route> routes,
    boolean snapStart,
    String codeUri) {

  public FunctionDef {
    // Copied into an ordered map: the environment is shown and diffed in template order.
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    routes = List.copyOf(routes);
  }

  /** The handler string as Lambda reads it: {@code class::method}. */
  public String handler() {
    return handlerClass + "::" + handlerMethod;
  }

  /** The environment with every intrinsic resolved to a local value, in template order. */
  public Map<String, String> environment(IntrinsicResolver resolver) {
    return resolver.resolveEnvironment(logicalId, environment);
  }
}

package dev.catalog.local.lambda;

import dev.catalog.template.FunctionDef;
import dev.catalog.template.SamTemplate;
import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every function of a template, prepared once and shared by all the event sources that invoke them (the REST API,
 * the WebSocket API, ...), so a function has one class loader and one pool of instances however it is called, as it
 * has one set of execution environments in Lambda.
 */
public final class LocalFunctions implements AutoCloseable {
  private final SamTemplate template;
  private final Map<String, FunctionPool> pools;

  private LocalFunctions(SamTemplate template, Map<String, FunctionPool> pools) {
    this.template = template;
    this.pools = Collections.unmodifiableMap(pools);
  }

  /**
   * Prepares every function of the template (its class loader and handler checked), without creating instances.
   *
   * @param environment each function's environment by logical id, asked for before its first instance
   * @param maxInstances at most this many instances of one function at once; 0 for no cap
   * @throws dev.catalog.local.console.LocalApiException for a Handler that names no class Lambda could call
   */
  public static LocalFunctions prepare(
      SamTemplate template,
      Function<String, Map<String, String>> environment,
      int maxInstances,
      PrintStream console) {
    Map<String, FunctionPool> pools = new LinkedHashMap<>();
    ClassLoader host = LocalFunctions.class.getClassLoader();
    try {
      for (FunctionDef function : template.functions().values()) {
        Supplier<Map<String, String>> variables =
            () -> LambdaEnvironment.of(function, environment.apply(function.logicalId()));
        pools.put(
            function.logicalId(),
            new FunctionPool(
                LocalFunction.prepare(function, template.source(), host),
                variables,
                maxInstances,
                console));
      }
    } catch (RuntimeException e) {
      pools.values().forEach(FunctionPool::close);
      throw e;
    }
    return new LocalFunctions(template, pools);
  }

  /** @throws dev.catalog.template.TemplateException when the template has no such function */
  public FunctionPool pool(String logicalId) {
    template.function(logicalId);
    return pools.get(logicalId);
  }

  /** Every function's pool, by logical id in template order. */
  public Map<String, FunctionPool> pools() {
    return pools;
  }

  /** Stops every instance and releases the class loaders. */
  @Override
  public void close() {
    pools.values().forEach(FunctionPool::close);
  }
}

package dev.catalog.bench;

import java.util.Map;

/**
 * A function as the benchmark starts it.
 *
 * @param name        the template's logical id, e.g. {@code GetProductFunction}
 * @param handler     the {@code Handler} property, {@code class::method}
 * @param environment the function's environment variables, resolved for a local run
 * @param memoryMb    the {@code MemorySize} property, which sizes the heap as the managed runtime does
 * @param timeoutSeconds the {@code Timeout} property, which sets each invocation's deadline
 */
record BenchFunction(
    String name,
    String handler,
    Map<String, String> environment,
    int memoryMb,
    int timeoutSeconds) {

  BenchFunction {
    environment = Map.copyOf(environment);
  }

  /** The class part of the handler, e.g. {@code dev.catalog.products.GetProductHandler}. */
  String handlerClass() {
    int separator = handler.indexOf("::");
    return separator < 0 ? handler : handler.substring(0, separator);
  }

  BenchFunction withEnvironment(Map<String, String> extra) {
    var merged = new java.util.HashMap<>(environment);
    merged.putAll(extra);
    return new BenchFunction(name, handler, merged, memoryMb, timeoutSeconds);
  }
}

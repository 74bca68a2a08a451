package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.http.PreflightHandler;
import dev.catalog.http.RouteMethods;
import dev.catalog.template.FunctionDef;
import dev.catalog.template.Route;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.DynamoDbLocal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The preflight function's {@code ROUTE_METHODS} is the template's routes written out (the function cannot read the
 * template): this keeps the two equal, so Allow and Access-Control-Allow-Methods never drift from what is served.
 */
class RouteMethodsTemplateTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(DynamoDbLocal.TEMPLATE);

  @Test
  void routeMethodsListsExactlyTheMethodsTheTemplateRoutesToEachPath() {
    Map<String, Set<String>> routed = new TreeMap<>();
    TEMPLATE
        .routes()
        .keySet()
        .forEach(
            route ->
                routed.computeIfAbsent(route.path(), path -> new TreeSet<>()).add(route.method()));

    Map<String, Set<String>> configured = new TreeMap<>();
    RouteMethods.parse(preflightFunction().environment().get("ROUTE_METHODS").toString())
        .byPath()
        .forEach(
            (path, allow) -> configured.put(path, new TreeSet<>(Arrays.asList(allow.split(", ")))));

    assertEquals(routed, configured);
  }

  private static FunctionDef preflightFunction() {
    return TEMPLATE.functions().values().stream()
        .filter(function -> function.handlerClass().equals(PreflightHandler.class.getName()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyPathTheTemplateRoutesHasAnOptionsRoute() {
    Set<String> paths = new TreeSet<>();
    Set<String> withOptions = new TreeSet<>();
    for (Route route : TEMPLATE.routes().keySet()) {
      paths.add(route.path());
      if (route.method().equals("OPTIONS")) {
        withOptions.add(route.path());
      }
    }
    assertEquals(
        paths,
        withOptions,
        "a path without OPTIONS would get API Gateway's 403 to every preflight");
  }
}

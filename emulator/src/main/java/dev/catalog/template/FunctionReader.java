package dev.catalog.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Builds {@link FunctionDef}s from {@code AWS::Serverless::Function} resources, applying {@code Globals.Function}. */
final class FunctionReader {
  private static final Pattern CLASS_NAME =
      Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
  private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_$][\\w$]*");
  private static final int SAM_DEFAULT_TIMEOUT = 3;
  private static final int SAM_DEFAULT_MEMORY = 128;

  private final TemplateSection globals;
  private final IntrinsicResolver resolver;

  /** The resolver (parameter defaults) only serves numbers written as intrinsics, e.g. {@code Timeout: !Ref T}. */
  FunctionReader(TemplateSection globalsFunction, IntrinsicResolver resolver) {
    this.globals = globalsFunction;
    this.resolver = resolver;
  }

  FunctionDef read(String logicalId, TemplateSection resource) {
    TemplateSection properties = resource.section("Properties");
    String handler =
        properties
            .string("Handler")
            .or(() -> globals.string("Handler"))
            .orElseThrow(
                () ->
                    properties.error(
                        "Handler", "is missing (and Globals.Function has no Handler)"));
    int separator = handler.indexOf("::");
    String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
    String handlerMethod = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    if (!CLASS_NAME.matcher(handlerClass).matches()
        || !METHOD_NAME.matcher(handlerMethod).matches()) {
      throw properties.error(
          "Handler", "'" + handler + "' is not of the form package.Class::method");
    }
    String runtime =
        properties
            .string("Runtime")
            .or(() -> globals.string("Runtime"))
            .orElseThrow(
                () ->
                    properties.error(
                        "Runtime", "is missing (and Globals.Function has no Runtime)"));
    return new FunctionDef(
        logicalId,
        handlerClass,
        handlerMethod,
        runtime,
        number(properties, "Timeout", SAM_DEFAULT_TIMEOUT),
        number(properties, "MemorySize", SAM_DEFAULT_MEMORY),
        environment(properties),
        routes(properties),
        snapStart(properties),
        properties.string("CodeUri").or(() -> globals.string("CodeUri")).orElse(null));
  }

  private boolean snapStart(TemplateSection properties) {
    TemplateSection owner = properties.get("SnapStart").isPresent() ? properties : globals;
    return "PublishedVersions".equals(owner.section("SnapStart").string("ApplyOn").orElse("None"));
  }

  /** The global variables first, then the function's own, which win on a clash as in SAM. */
  private Map<String, Object> environment(TemplateSection properties) {
    Map<String, Object> environment = new LinkedHashMap<>();
    for (TemplateSection variables :
        List.of(
            globals.section("Environment").section("Variables"),
            properties.section("Environment").section("Variables"))) {
      variables
          .values()
          .forEach(
              (name, value) -> {
                if (value == null) {
                  throw variables.error(String.valueOf(name), "has no value");
                }
                environment.put(String.valueOf(name), value);
              });
    }
    return environment;
  }

  private List<Route> routes(TemplateSection properties) {
    List<Route> routes = new ArrayList<>();
    properties
        .section("Events")
        .sections()
        .forEach(
            (name, event) -> {
              // Only REST API events are served locally; other event sources have no HTTP route.
              if ("Api".equals(event.string("Type").orElse(null))) {
                TemplateSection api = event.section("Properties");
                try {
                  routes.add(new Route(api.requireString("Method"), api.requireString("Path")));
                } catch (IllegalArgumentException e) {
                  throw api.error(e.getMessage());
                }
              }
            });
    return routes;
  }

  private int number(TemplateSection properties, String key, int samDefault) {
    TemplateSection owner = properties.get(key).isPresent() ? properties : globals;
    Object value = owner.get(key).orElse(samDefault);
    String text =
        value instanceof Intrinsic
            ? resolver.resolveString(value, owner.path() + "." + key)
            : String.valueOf(value);
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw owner.error(key, "must be a whole number, found '" + text + "'");
    }
  }
}

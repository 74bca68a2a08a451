package dev.catalog.local.auth;

import dev.catalog.template.Intrinsic;
import dev.catalog.template.Resource;
import dev.catalog.template.Route;
import dev.catalog.template.SamTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which routes of a template API Gateway guards with a Cognito authorizer, and with which authorization scopes: each
 * {@code Api} event's {@code Auth.Authorizer} (or its API's {@code Auth.DefaultAuthorizer}; {@code NONE} opts out)
 * and {@code Auth.AuthorizationScopes} (or the authorizer's own), as SAM reads them.
 */
public final class TemplateAuthorizers {
  /** A guarded route: the authorizer's logical name and the method's scopes (empty: it takes ID tokens). */
  public record Guard(String authorizer, List<String> scopes) {}

  private final Map<Route, Guard> guards = new HashMap<>();

  public TemplateAuthorizers(SamTemplate template) {
    for (Resource resource : template.resources().values()) {
      if (!Resource.FUNCTION.equals(resource.type())) {
        continue;
      }
      map(resource.properties(), "Events")
          .values()
          .forEach(
              event -> {
                Map<?, ?> properties = map(event, "Properties");
                if (!"Api".equals(map(event).get("Type"))) {
                  return;
                }
                Map<?, ?> apiAuth = apiAuth(template, properties.get("RestApiId"));
                Map<?, ?> auth = map(properties, "Auth");
                Object name =
                    auth.containsKey("Authorizer")
                        ? auth.get("Authorizer")
                        : apiAuth.get("DefaultAuthorizer");
                if (name == null || "NONE".equals(name)) {
                  return;
                }
                Map<?, ?> authorizer = map(map(apiAuth, "Authorizers"), String.valueOf(name));
                Object scopes =
                    auth.containsKey("AuthorizationScopes")
                        ? auth.get("AuthorizationScopes")
                        : authorizer.get("AuthorizationScopes");
                List<String> list =
                    scopes instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList()
                        : List.of();
                guards.put(
                    new Route(
                        String.valueOf(properties.get("Method")),
                        String.valueOf(properties.get("Path"))),
                    new Guard(String.valueOf(name), list));
              });
    }
  }

  /** The guard of a route; empty for an open one. */
  public Optional<Guard> guard(Route route) {
    return Optional.ofNullable(guards.get(route));
  }

  private static Map<?, ?> apiAuth(SamTemplate template, Object restApiId) {
    if (restApiId instanceof Intrinsic ref && Intrinsic.REF.equals(ref.function())) {
      restApiId = ref.argument();
    }
    Resource api = template.resources().get(String.valueOf(restApiId));
    return api == null ? Map.of() : map(api.properties(), "Auth");
  }

  static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  static Map<?, ?> map(Object parent, String key) {
    return map(map(parent).get(key));
  }
}

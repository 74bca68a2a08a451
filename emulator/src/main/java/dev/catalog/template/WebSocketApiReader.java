package dev.catalog.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link WebSocketApiDef} from the {@code AWS::ApiGatewayV2::*} resources. References are followed as
 * CloudFormation makes them: each resource's {@code ApiId}, a route's {@code Target} ({@code integrations/ID}) and
 * {@code AuthorizerId}, a route response's {@code RouteId} are resolved and compared with what {@code Ref} to the
 * resource they name yields; an integration's or authorizer's URI names its function by the function's ARN.
 */
final class WebSocketApiReader {
  private static final String STAGE = "AWS::ApiGatewayV2::Stage";
  private static final String ROUTE = "AWS::ApiGatewayV2::Route";
  private static final String INTEGRATION = "AWS::ApiGatewayV2::Integration";
  private static final String ROUTE_RESPONSE = "AWS::ApiGatewayV2::RouteResponse";
  private static final String AUTHORIZER = "AWS::ApiGatewayV2::Authorizer";

  private final SamTemplate template;
  private final IntrinsicResolver resolver;

  private WebSocketApiReader(SamTemplate template, IntrinsicResolver resolver) {
    this.template = template;
    this.resolver = resolver;
  }

  static Optional<WebSocketApiDef> read(SamTemplate template, IntrinsicResolver resolver) {
    return new WebSocketApiReader(template, resolver).api();
  }

  private Optional<WebSocketApiDef> api() {
    for (Resource api : template.resources().values()) {
      if (api.type().equals(WebSocketApiDef.API)
          && "WEBSOCKET".equals(string(api, "ProtocolType"))) {
        String apiId = ref(api.logicalId());
        Map<String, WebSocketApiDef.Route> routes = new LinkedHashMap<>();
        for (Resource route : ofApi(ROUTE, apiId)) {
          String key = string(route, "RouteKey");
          routes.put(
              key,
              new WebSocketApiDef.Route(
                  route.logicalId(),
                  key,
                  integrationFunction(route),
                  authorizer(route),
                  !ofApi(ROUTE_RESPONSE, apiId).stream()
                      .filter(
                          response -> ref(route.logicalId()).equals(string(response, "RouteId")))
                      .toList()
                      .isEmpty()));
        }
        String stage =
            ofApi(STAGE, apiId).stream()
                .map(resource -> string(resource, "StageName"))
                .findFirst()
                .orElse("$default");
        String selection = string(api, "RouteSelectionExpression");
        return Optional.of(
            new WebSocketApiDef(
                api.logicalId(),
                apiId,
                stage,
                selection == null ? "$request.body.action" : selection,
                routes));
      }
    }
    return Optional.empty();
  }

  private String integrationFunction(Resource route) {
    String target = string(route, "Target");
    if (target == null) {
      throw fail(
          route,
          "Target",
          "names no integration (integrations/ID): the route would invoke nothing");
    }
    String integrationId = target.substring(target.lastIndexOf('/') + 1);
    for (Resource integration : template.resources().values()) {
      if (integration.type().equals(INTEGRATION)
          && ref(integration.logicalId()).equals(integrationId)) {
        return function(integration, "IntegrationUri");
      }
    }
    throw fail(
        route, "Target", "'" + target + "' is no AWS::ApiGatewayV2::Integration of the template");
  }

  private WebSocketApiDef.Authorizer authorizer(Resource route) {
    String id = string(route, "AuthorizerId");
    if (id == null || !"CUSTOM".equals(string(route, "AuthorizationType"))) {
      return null;
    }
    for (Resource authorizer : template.resources().values()) {
      if (authorizer.type().equals(AUTHORIZER) && ref(authorizer.logicalId()).equals(id)) {
        Object sources =
            resolver.resolve(
                authorizer.properties().get("IdentitySource"),
                authorizer.logicalId() + " IdentitySource");
        List<String> identitySources = new ArrayList<>();
        if (sources instanceof List<?> list) {
          list.forEach(source -> identitySources.add(String.valueOf(source)));
        } else if (sources != null) {
          identitySources.add(String.valueOf(sources));
        }
        return new WebSocketApiDef.Authorizer(
            authorizer.logicalId(), function(authorizer, "AuthorizerUri"), identitySources);
      }
    }
    throw fail(
        route, "AuthorizerId", "'" + id + "' is no AWS::ApiGatewayV2::Authorizer of the template");
  }

  /** The function whose ARN the URI holds, as {@code .../functions/ARN/invocations} or the ARN alone. */
  private String function(Resource resource, String property) {
    String uri = string(resource, property);
    for (String function : template.functions().keySet()) {
      String arn =
          resolver.resolveString(
              new Intrinsic(Intrinsic.GET_ATT, List.of(function, "Arn")), function);
      // The ARN may be qualified by a version or alias (SAM's Function.Alias): the same function.
      if (uri != null
          && (uri.endsWith("/functions/" + arn + "/invocations")
              || uri.equals(arn)
              || uri.matches(
                  ".*/functions/"
                      + java.util.regex.Pattern.quote(arn)
                      + ":[A-Za-z0-9$_-]+/invocations"))) {
        return function;
      }
    }
    throw fail(
        resource, property, "'" + uri + "' names no AWS::Serverless::Function of the template");
  }

  private List<Resource> ofApi(String type, String apiId) {
    return template.resources().values().stream()
        .filter(resource -> resource.type().equals(type) && apiId.equals(string(resource, "ApiId")))
        .toList();
  }

  private String ref(String logicalId) {
    return resolver.resolveString(new Intrinsic(Intrinsic.REF, logicalId), logicalId);
  }

  private String string(Resource resource, String property) {
    Object value = resource.properties().get(property);
    return value == null
        ? null
        : resolver.resolveString(value, resource.logicalId() + " " + property);
  }

  private TemplateException fail(Resource resource, String property, String problem) {
    return new TemplateException(
        template.source() + ": " + resource.logicalId() + " " + property + ": " + problem);
  }
}

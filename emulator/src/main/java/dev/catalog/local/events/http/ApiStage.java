package dev.catalog.local.events.http;

import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stage the events name ({@code requestContext.stage}) and its stage variables: those of the template's
 * {@code AWS::Serverless::Api} (its StageName and Variables, resolved with the parameters' defaults), or SAM's
 * {@code Prod} for the implicit API. The URL has no stage prefix, as under {@code sam local start-api}.
 */
record ApiStage(String name, Map<String, String> variables) {
  static final String SERVERLESS_API = "AWS::Serverless::Api";

  static ApiStage of(SamTemplate template) {
    IntrinsicResolver resolver = template.resolver().build();
    for (Resource resource : template.resources().values()) {
      if (resource.type().equals(SERVERLESS_API)
          && resource.properties().get("StageName") != null) {
        String where = resource.logicalId() + " ";
        Map<String, String> variables = new LinkedHashMap<>();
        if (resource.properties().get("Variables") instanceof Map<?, ?> given) {
          given.forEach(
              (name, value) ->
                  variables.put(
                      String.valueOf(name),
                      resolver.resolveString(value, where + "Variables." + name)));
        }
        return new ApiStage(
            resolver.resolveString(resource.properties().get("StageName"), where + "StageName"),
            Map.copyOf(variables));
      }
    }
    return new ApiStage("Prod", Map.of());
  }
}

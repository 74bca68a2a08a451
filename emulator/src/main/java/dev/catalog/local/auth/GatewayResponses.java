package dev.catalog.local.auth;

import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The template's {@code GatewayResponses}: what API Gateway answers on its own for a response type such as
 * {@code UNAUTHORIZED}, rendered as API Gateway renders it: the status ({@code StatusCode}, else the type's own), the
 * headers of {@code ResponseParameters} ({@code 'static'} values, or {@code method.request.header.X} from the
 * request, left out when the request has none; a header whose mapping is {@code AWS::NoValue} is not sent), and the
 * {@code application/json} template with
 * {@code $context.error.messageString}, {@code $context.error.responseType} and {@code $context.requestId} filled in.
 * A type the template does not customise falls back to {@code DEFAULT_4XX} or {@code DEFAULT_5XX}, then to API
 * Gateway's own {@code {"message":...}}.
 */
public final class GatewayResponses {
  /** One rendered answer. */
  public record Rendered(int status, Map<String, String> headers, String body) {}

  private final Map<?, ?> responses;
  private final IntrinsicResolver resolver;

  /** With the template's default parameter values. */
  public GatewayResponses(SamTemplate template) {
    this(template, template.resolver().build());
  }

  /** With the parameter values (and other local values) of {@code resolver}. */
  public GatewayResponses(SamTemplate template, IntrinsicResolver resolver) {
    this.resolver = resolver;
    Map<?, ?> found = Map.of();
    for (Resource resource : template.resources().values()) {
      if ("AWS::Serverless::Api".equals(resource.type())) {
        found = TemplateAuthorizers.map(resource.properties(), "GatewayResponses");
      }
    }
    this.responses = found;
  }

  /** @param requestHeaders the request's headers by case-insensitive name */
  public Rendered render(
      String type,
      int status,
      String message,
      String requestId,
      Function<String, String> requestHeaders) {
    String quoted = "\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return render(type, status, message, "{\"message\":" + quoted + "}", requestId, requestHeaders);
  }

  /** @param standard API Gateway's own body, when the template customises neither the type nor its default */
  public Rendered render(
      String type,
      int status,
      String message,
      String standard,
      String requestId,
      Function<String, String> requestHeaders) {
    Map<?, ?> response = TemplateAuthorizers.map(responses, type);
    if (response.isEmpty()) {
      response = TemplateAuthorizers.map(responses, status < 500 ? "DEFAULT_4XX" : "DEFAULT_5XX");
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Content-Type", "application/json");
    Object template =
        TemplateAuthorizers.map(response, "ResponseTemplates").get("application/json");
    Object statusCode = response.get("StatusCode");
    int answered = statusCode == null ? status : Integer.parseInt(statusCode.toString());
    TemplateAuthorizers.map(TemplateAuthorizers.map(response, "ResponseParameters"), "Headers")
        .forEach(
            (name, mapping) -> {
              Object value = resolver.resolve(mapping, "GatewayResponses." + type + "." + name);
              if (value == null) {
                return; // AWS::NoValue: the template declares no such header here
              }
              String mapped = String.valueOf(value);
              String resolved =
                  mapped.startsWith("'") && mapped.endsWith("'") && mapped.length() >= 2
                      ? mapped.substring(1, mapped.length() - 1)
                      : mapped.startsWith("method.request.header.")
                          ? requestHeaders.apply(
                              mapped.substring("method.request.header.".length()))
                          : null;
              if (resolved != null) {
                headers.put(String.valueOf(name), resolved);
              }
            });
    String quoted = "\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    String body =
        template == null
            ? standard
            : template
                .toString()
                .replace("$context.error.messageString", quoted)
                .replace("$context.error.responseType", type)
                .replace("$context.requestId", requestId);
    return new Rendered(answered, new LinkedHashMap<>(headers), body);
  }
}

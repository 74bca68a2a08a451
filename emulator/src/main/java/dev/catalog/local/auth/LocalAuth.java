package dev.catalog.local.auth;

import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.Route;
import dev.catalog.template.SamTemplate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The template's Cognito authorizers, as the local API and the in-process tests apply them before a function runs:
 * an open route passes as is; a guarded one needs a token the {@link CognitoAuthorizer} accepts, and its claims
 * reach the function as API Gateway passes them ({@link GatewayClaims}); a refusal is the template's
 * {@code UNAUTHORIZED} gateway response, and the function never runs. Off ({@code -Dlocal.auth=off}), every guarded
 * route is served as if a local administrator had called it, and the WebSocket API runs no {@code $connect} authorizer
 * ({@link #OFF_CONNECT_CONTEXT}).
 */
public final class LocalAuth {
  /** The claims a guarded route receives when authentication is off: a person in catalog-admins. */
  public static final Map<String, String> OFF_CLAIMS =
      Map.of(
          "sub",
          "local-auth-off",
          "username",
          "local-auth-off",
          "cognito:groups",
          "catalog-admins",
          "token_use",
          "access",
          "scope",
          DevelopmentIssuer.PEOPLE_SCOPE,
          "client_id",
          "local-auth-off");

  /**
   * What the WebSocket API's {@code $connect} authorizer is taken to have answered when authentication is off (it is
   * not run, as the REST API's Cognito authorizer is not): the same local administrator as {@link #OFF_CLAIMS}, as
   * the feed's authorizer describes a person, its {@code principalId} and context in every event's
   * {@code requestContext.authorizer}.
   */
  public static final Map<String, String> OFF_CONNECT_CONTEXT = offConnectContext();

  private static Map<String, String> offConnectContext() {
    Map<String, String> context = new java.util.LinkedHashMap<>();
    context.put("principalId", OFF_CLAIMS.get("sub"));
    context.put("sub", OFF_CLAIMS.get("sub"));
    context.put("clientId", OFF_CLAIMS.get("client_id"));
    context.put("scope", OFF_CLAIMS.get("scope"));
    context.put("groups", OFF_CLAIMS.get("cognito:groups"));
    return java.util.Collections.unmodifiableMap(context);
  }

  /** What happens to a request before its function. */
  public sealed interface Outcome {}

  /** The route is open: no claims. */
  public record Open() implements Outcome {}

  /** The token passed; these claims go in {@code requestContext.authorizer.claims}. */
  public record Authorized(Map<String, String> claims) implements Outcome {}

  /** The answer instead of the function's, and why (for the log: never the token). */
  public record Unauthorized(GatewayResponses.Rendered response, String reason)
      implements Outcome {}

  private final TemplateAuthorizers guards;
  private final GatewayResponses gatewayResponses;
  private final CognitoAuthorizer authorizer;
  private final ServedIssuer served;

  private LocalAuth(
      SamTemplate template,
      IntrinsicResolver resolver,
      CognitoAuthorizer authorizer,
      ServedIssuer served) {
    this.guards = new TemplateAuthorizers(template);
    this.gatewayResponses = new GatewayResponses(template, resolver);
    this.authorizer = authorizer;
    this.served = served;
  }

  /** Tokens of {@code issuer} only. */
  public static LocalAuth enforcing(SamTemplate template, TrustedIssuer issuer) {
    return enforcing(template, template.resolver().build(), issuer);
  }

  /** Tokens of {@code issuer} only; the gateway responses with the parameter values of {@code resolver}. */
  public static LocalAuth enforcing(
      SamTemplate template, IntrinsicResolver resolver, TrustedIssuer issuer) {
    return new LocalAuth(template, resolver, new CognitoAuthorizer(issuer), null);
  }

  /**
   * Tokens of a development issuer served on loopback ({@link ServedIssuer}), so that functions that verify tokens
   * themselves (the feed's authorizer) find its keys from {@link #tokenEnvironment()}. {@link #close()} stops it.
   */
  public static LocalAuth development(SamTemplate template) {
    return development(template, template.resolver().build());
  }

  /** As {@link #development(SamTemplate)}, the gateway responses with the parameter values of {@code resolver}. */
  public static LocalAuth development(SamTemplate template, IntrinsicResolver resolver) {
    ServedIssuer served = ServedIssuer.start(java.time.Clock.systemUTC());
    return new LocalAuth(template, resolver, new CognitoAuthorizer(served.issuer()), served);
  }

  /**
   * What a function that verifies tokens itself needs instead of the template's {@code TOKEN_ISSUER} (the cloud
   * pool's) and {@code TOKEN_CLIENT_IDS}: the trusted issuer and its app clients; for a real pool
   * ({@code -Dlocal.issuer}) only the issuer, its clients being unknown here. Empty when authentication is off.
   */
  public java.util.Map<String, String> tokenEnvironment() {
    if (authorizer == null) {
      return Map.of();
    }
    TrustedIssuer issuer = authorizer.issuer();
    return issuer.clients().isEmpty()
        ? Map.of("TOKEN_ISSUER", issuer.issuer())
        : Map.of(
            "TOKEN_ISSUER",
            issuer.issuer(),
            "TOKEN_CLIENT_IDS",
            String.join(",", new java.util.TreeSet<>(issuer.clients())));
  }

  /** Stops the served issuer, if any. */
  public void close() {
    if (served != null) {
      served.close();
    }
  }

  /** No authentication: guarded routes get {@link #OFF_CLAIMS}. */
  public static LocalAuth off(SamTemplate template) {
    return off(template, template.resolver().build());
  }

  /** No authentication; the gateway responses with the parameter values of {@code resolver}. */
  public static LocalAuth off(SamTemplate template, IntrinsicResolver resolver) {
    return new LocalAuth(template, resolver, null, null);
  }

  public boolean enforced() {
    return authorizer != null;
  }

  /** The built-in issuer, when it is the one trusted. */
  public Optional<DevelopmentIssuer> developmentIssuer() {
    return authorizer != null && authorizer.issuer() instanceof DevelopmentIssuer issuer
        ? Optional.of(issuer)
        : Optional.empty();
  }

  /** The template's gateway responses, for the other answers API Gateway gives on its own. */
  public GatewayResponses gatewayResponses() {
    return gatewayResponses;
  }

  /** @param headers the request's headers by case-insensitive name */
  public Outcome check(Route route, String requestId, Function<String, String> headers) {
    var guard = guards.guard(route);
    if (guard.isEmpty()) {
      return new Open();
    }
    if (authorizer == null) {
      return new Authorized(OFF_CLAIMS);
    }
    return switch (authorizer.authorize(headers.apply("Authorization"), guard.get().scopes())) {
      case CognitoAuthorizer.Allowed allowed -> new Authorized(GatewayClaims.of(allowed.claims()));
      case CognitoAuthorizer.Refused refused ->
          new Unauthorized(
              gatewayResponses.render("UNAUTHORIZED", 401, "Unauthorized", requestId, headers),
              refused.reason());
    };
  }
}

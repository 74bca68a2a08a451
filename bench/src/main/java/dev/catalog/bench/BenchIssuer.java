package dev.catalog.bench;

import dev.catalog.local.auth.DevelopmentIssuer;
import dev.catalog.local.auth.ServedIssuer;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The user pool the feed's authorizer trusts during a benchmark: the development issuer served over HTTP on
 * loopback, as Cognito serves a pool's JWKS, so each cold start fetches the keys for real. Its variants (the same
 * authorizer on nimbus-jose-jwt and on jose4j) run with the same environment and events, for the comparison of JWT
 * libraries in docs/performance.md.
 */
final class BenchIssuer implements AutoCloseable {
  static final String AUTHORIZER = "FeedAuthorizerFunction";

  private final ServedIssuer served = ServedIssuer.start(Clock.systemUTC());

  /** One person's token, valid for an hour: every invocation verifies it afresh, as a new connection would. */
  private final String token =
      served.issuer().person("bench", List.of("catalog-editors")).accessToken();

  /** What a function that verifies tokens needs in its environment to trust this issuer. */
  Map<String, String> environment() {
    return Map.of(
        "TOKEN_ISSUER",
        served.url(),
        "TOKEN_CLIENT_IDS",
        DevelopmentIssuer.PEOPLE_CLIENT + "," + DevelopmentIssuer.SERVICE_CLIENT);
  }

  /** The function with this issuer in its environment, if it verifies tokens ({@code TOKEN_ISSUER}). */
  BenchFunction trusting(BenchFunction function) {
    return function.environment().containsKey("TOKEN_ISSUER")
        ? function.withEnvironment(environment())
        : function;
  }

  /** The events with this issuer's token in their {@code token} query parameter, if they have one. */
  BenchEvents carryingToken(BenchEvents events) {
    return events.withQueryParameter("token", token);
  }

  /** The authorizer on the other libraries: logical name and handler class. */
  static Map<String, Class<?>> variants() {
    return Map.of(
        "FeedAuthorizerOnNimbus",
        NimbusFeedAuthorizerHandler.class,
        "FeedAuthorizerOnJose4j",
        Jose4jFeedAuthorizerHandler.class);
  }

  /** The classes the variants' task root adds to the artifact. */
  static List<Class<?>> variantClasses() {
    return List.of(
        VariantFeedAuthorizerHandler.class,
        NimbusFeedAuthorizerHandler.class,
        NimbusTokenVerifier.class,
        Jose4jFeedAuthorizerHandler.class,
        Jose4jTokenVerifier.class,
        VariantClients.class);
  }

  @Override
  public void close() {
    served.close();
  }
}

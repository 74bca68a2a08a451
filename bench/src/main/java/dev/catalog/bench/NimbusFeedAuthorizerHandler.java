package dev.catalog.bench;

import dev.catalog.kernel.Environment;

/** The feed's authorizer with {@link NimbusTokenVerifier}: the benchmark's nimbus-jose-jwt variant. */
public final class NimbusFeedAuthorizerHandler extends VariantFeedAuthorizerHandler {
  public NimbusFeedAuthorizerHandler() {
    super(new NimbusTokenVerifier(Environment.require("TOKEN_ISSUER"), VariantClients.read()));
  }
}

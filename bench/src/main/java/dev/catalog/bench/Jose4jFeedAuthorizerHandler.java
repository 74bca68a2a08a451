package dev.catalog.bench;

import dev.catalog.kernel.Environment;

/** The feed's authorizer with {@link Jose4jTokenVerifier}: the benchmark's jose4j variant. */
public final class Jose4jFeedAuthorizerHandler extends VariantFeedAuthorizerHandler {
  public Jose4jFeedAuthorizerHandler() {
    super(new Jose4jTokenVerifier(Environment.require("TOKEN_ISSUER"), VariantClients.read()));
  }
}

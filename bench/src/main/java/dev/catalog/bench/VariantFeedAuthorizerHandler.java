package dev.catalog.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.catalog.auth.FeedAuthorizerHandler;
import dev.catalog.auth.TokenVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The feed's authorizer on another JWT library: the production {@link FeedAuthorizerHandler} with the verifier a
 * variant gives. It names no library, so each variant loads only its own.
 */
public abstract class VariantFeedAuthorizerHandler implements RequestStreamHandler {
  private final FeedAuthorizerHandler handler;

  VariantFeedAuthorizerHandler(TokenVerifier verifier) {
    this.handler = new FeedAuthorizerHandler(verifier);
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    handler.handleRequest(input, output, context);
  }
}

package dev.catalog.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.catalog.auth.FeedAuthorizerHandler;
import dev.catalog.kernel.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The feed's authorizer with {@link Jose4jTokenVerifier}: the benchmark's jose4j variant. */
public final class Jose4jFeedAuthorizerHandler implements RequestStreamHandler {
  private final FeedAuthorizerHandler handler = new FeedAuthorizerHandler(new Jose4jTokenVerifier(
      Environment.require("TOKEN_ISSUER"), VariantClients.read()));

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    handler.handleRequest(input, output, context);
  }
}

package dev.catalog.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.catalog.kernel.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code FeedAuthorizerFunction}: the Lambda REQUEST authorizer of the feed's WebSocket {@code $connect} route.
 * A connection is allowed with any valid access token of the pool, a person's or a service's, given in the
 * {@code token} query parameter; the answer is an IAM policy allowing {@code execute-api:Invoke} on the route with
 * the caller in its context ({@link AuthorizerResponse}). Anything else, a missing or repeated token included, is
 * the error {@code Unauthorized}, which API Gateway answers with a 401 and the handshake fails.
 *
 * <p>Configured by {@code TOKEN_ISSUER} (the pool's issuer URL; its keys at {@code /.well-known/jwks.json} under it)
 * and {@code TOKEN_CLIENT_IDS} (the app clients whose tokens are accepted, comma-separated).
 */
public final class FeedAuthorizerHandler implements RequestStreamHandler {
  private final TokenVerifier verifier;

  public FeedAuthorizerHandler() {
    this(
        JwsVerifier.of(
            Environment.require("TOKEN_ISSUER"),
            clients(Environment.require("TOKEN_CLIENT_IDS")),
            Clock.systemUTC()));
  }

  /** With another verifier: for tests, and for the benchmark's comparison of JWT libraries. */
  public FeedAuthorizerHandler(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String requestId = context == null ? null : context.getAwsRequestId();
    AuthorizerEvent event = AuthorizerEvent.read(input, requestId);
    AccessToken token;
    try {
      if (event.tokenRepeated()) {
        throw new TokenRefused("the token query parameter is given more than once");
      }
      if (event.methodArn() == null) {
        throw new TokenRefused("the event names no methodArn");
      }
      token = verifier.verify(event.token());
    } catch (TokenRefused refused) {
      AuthorizerLog.refused(refused.getMessage(), event.connectionId(), requestId);
      throw new Unauthorized();
    }
    AuthorizerLog.allowed(token, event.connectionId(), requestId);
    AuthorizerResponse.allow(token, event.methodArn(), output);
  }

  static Set<String> clients(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(id -> !id.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}

package dev.catalog.http.telemetry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;

/**
 * The caller's principal id as API Gateway's authorizer established it: a Cognito user pool's {@code sub} claim, or a
 * Lambda authorizer's {@code principalId}. Nothing else of the claims (names, e-mail addresses) and never a token.
 */
public final class Caller {
  private Caller() {}

  /** The principal id, or null when the route has no authorizer. */
  public static String principal(APIGatewayProxyRequestEvent event) {
    var context = event.getRequestContext();
    Map<String, Object> authorizer = context == null ? null : context.getAuthorizer();
    if (authorizer == null) {
      return null;
    }
    if (authorizer.get("claims") instanceof Map<?, ?> claims && claims.get("sub") instanceof String sub) {
      return sub;
    }
    return authorizer.get("principalId") instanceof String principalId ? principalId : null;
  }
}

package dev.catalog.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * The benchmark's floor: a handler with the functions' signature that does nothing, so that its cold start is what
 * the runtime, the JVM and the API Gateway event (de)serialization cost before any code of ours runs.
 */
public final class NoopHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    return new APIGatewayProxyResponseEvent().withStatusCode(204);
  }
}

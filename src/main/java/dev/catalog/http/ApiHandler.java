package dev.catalog.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.catalog.http.telemetry.Caller;
import dev.catalog.http.telemetry.RequestLine;
import java.util.Set;

/**
 * The base of every function: turns the API Gateway event into an {@link ApiRequest}, runs the route's
 * {@link #handle}, and maps whatever it throws in one place ({@link Problems}). Subclasses hold no error handling.
 */
public abstract class ApiHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final Cors cors;

  protected ApiHandler(Cors cors) {
    this.cors = cors;
  }

  /** Serves one request; throws {@link HttpError} for anything the client got wrong. */
  protected abstract ApiResponse handle(ApiRequest request);

  /**
   * The query parameters this route accepts, each at most once: any other, or a repeated one, is a 400 before
   * {@link #handle} runs. None unless the route says otherwise.
   */
  protected Set<String> queryParameters() {
    return Set.of();
  }

  /** Whether the query is checked against {@link #queryParameters()}; true but for CORS preflights. */
  protected boolean checksQuery() {
    return true;
  }

  @Override
  public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    long started = System.nanoTime();
    ApiRequest request = new ApiRequest(event, context);
    ApiResponse response;
    String problemType = null;
    try {
      if (checksQuery()) {
        request.requireQueryParameters(queryParameters());
      }
      response = handle(request);
    } catch (HttpError error) {
      response = Problems.render(error, request.publicPath());
      problemType = error.type();
    } catch (RuntimeException failure) {
      response = Problems.unexpected(failure, request.requestId(), request.publicPath());
      problemType = Problems.INTERNAL_ERROR;
    }
    cors.decorate(request, response);
    // Telemetry: the request's one log line and metrics, once its response is final.
    RequestLine.write(new RequestLine.Request(request.requestId(), request.method(), request.resource(),
        response.status(), problemType, Caller.principal(event), started, request.metrics()));
    return response.toEvent();
  }
}

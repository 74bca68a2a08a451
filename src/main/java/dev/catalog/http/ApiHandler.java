package dev.catalog.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

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

  /** What the caller needs to be served, checked first: anyone unless the route says otherwise. */
  protected Permission permission() {
    return Permission.ANYONE;
  }

  /** Whether the query is checked against {@link #queryParameters()}; true but for CORS preflights. */
  protected boolean checksQuery() {
    return true;
  }

  @Override
  public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    ApiRequest request = new ApiRequest(event, context);
    ApiResponse response;
    try {
      permission().check(request.caller());
      if (checksQuery()) {
        request.requireQueryParameters(queryParameters());
      }
      response = handle(request);
    } catch (HttpError error) {
      response = Problems.render(error, request.publicPath());
    } catch (SdkException failure) {
      response = Problems.upstream(failure, request.requestId(), request.publicPath());
    } catch (RuntimeException failure) {
      response = Problems.unexpected(failure, request.requestId(), request.publicPath());
    }
    cors.decorate(request, response);
    return response.toEvent();
  }
}

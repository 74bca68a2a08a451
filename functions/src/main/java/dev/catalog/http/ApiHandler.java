package dev.catalog.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.catalog.kernel.Failures;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Problem;
import dev.catalog.kernel.telemetry.RequestLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

/**
 * The base of every REST function: turns the API Gateway event into an {@link ApiRequest}, runs the route's
 * {@link #handle}, and answers whatever it throws with the problem {@link Failures#answer} maps it to, rendered as
 * problem+json ({@link Problems}). Subclasses hold no error handling.
 *
 * <p>Lambda calls {@link #handleRequest(InputStream, OutputStream, Context)}, the only {@code handleRequest}, with the
 * event's JSON: reading it here with the streaming parser spares each cold start the runtime's reflective
 * serializer.
 */
public abstract class ApiHandler implements RequestStreamHandler {
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
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    ProxyEventCodec.write(serve(ProxyEventCodec.read(input), context), output);
  }

  /** Serves one event already read: what {@link #handleRequest} does between reading and writing JSON. */
  public final APIGatewayProxyResponseEvent serve(
      APIGatewayProxyRequestEvent event, Context context) {
    long started = System.nanoTime();
    ApiRequest request = new ApiRequest(event, context);
    ApiResponse response;
    String problemType = null;
    try {
      permission().check(request.caller());
      if (checksQuery()) {
        request.requireQueryParameters(queryParameters());
      }
      response = handle(request);
    } catch (RuntimeException failure) {
      Problem problem = Failures.answer(failure, request.requestId());
      response = Problems.render(problem, request.publicPath());
      problemType = problem.type();
    }
    cors.decorate(request, response);
    // Telemetry: the request's one log line and metrics, once its response is final.
    RequestLine.write(
        new RequestLine.Request(
            request.requestId(),
            request.method(),
            request.resource(),
            response.status(),
            problemType,
            principal(request),
            started,
            request.metrics()));
    return response.toEvent();
  }

  /** Whom the request line names: the caller's {@code sub} or client id, never a token; null on an open route. */
  private static String principal(ApiRequest request) {
    Caller caller = request.caller();
    return caller == null ? null : caller.id();
  }
}

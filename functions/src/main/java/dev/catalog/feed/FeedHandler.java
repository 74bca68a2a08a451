package dev.catalog.feed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.catalog.kernel.Failures;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Problem;
import dev.catalog.kernel.telemetry.RequestLine;
import dev.catalog.kernel.telemetry.RequestMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The base of every WebSocket route function: reads the event ({@link WebSocketEventCodec}), runs the route's
 * {@link #handle}, and answers whatever it throws with the problem {@link Failures#answer} maps it to, as
 * {@code ApiHandler} does for REST, rendered as the feed's error reply ({@link FeedReply#error}): an
 * {@link HttpError} is its own problem; a DynamoDB failure that outlasted the retries a 503; anything else a 500
 * carrying only the request id (the stack trace goes to the log). Then it writes the request line with its metrics;
 * the route is the route key, the principal the authorizer's.
 */
public abstract class FeedHandler implements RequestStreamHandler {
  /** The method the request line names for WebSocket routes, where REST routes name theirs. */
  static final String METHOD = "WEBSOCKET";

  /** Serves one event; throws {@link HttpError} for anything the client got wrong. */
  protected abstract FeedReply handle(WebSocketEvent event);

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    long started = System.nanoTime();
    WebSocketEvent event = WebSocketEventCodec.read(input);
    FeedReply reply;
    String problemType = null;
    try {
      reply = handle(event);
    } catch (RuntimeException failure) {
      Problem problem = Failures.answer(failure, event.requestId());
      reply = FeedReply.error(problem, event.routeKey());
      problemType = problem.type();
    }
    RequestLine.write(
        new RequestLine.Request(
            event.requestId(),
            METHOD,
            event.routeKey(),
            reply.status(),
            problemType,
            event.principalId(),
            started,
            new RequestMetrics()));
    WebSocketEventCodec.write(reply, output);
  }
}

package dev.catalog.feed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Log;
import dev.catalog.http.Problems;
import dev.catalog.kernel.telemetry.RequestLine;
import dev.catalog.kernel.telemetry.RequestMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The base of every WebSocket route function: reads the event ({@link WebSocketEventCodec}), runs the route's
 * {@link #handle}, and maps whatever it throws in one place, as {@code ApiHandler} does for REST: an
 * {@link HttpError} becomes its problem-shaped error reply; a DynamoDB failure that outlasted the retries a 503
 * reply; anything else a 500 reply carrying only the request id (the stack trace goes to the log). Then it writes
 * the request line with its metrics; the route is the route key, the principal the authorizer's.
 */
public abstract class FeedHandler implements RequestStreamHandler {
  /** The method the request line names for WebSocket routes, where REST routes name theirs. */
  static final String METHOD = "WEBSOCKET";

  /** Serves one event; throws {@link HttpError} for anything the client got wrong. */
  protected abstract FeedReply handle(WebSocketEvent event);

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    long started = System.nanoTime();
    WebSocketEvent event = WebSocketEventCodec.read(input);
    FeedReply reply;
    String problemType = null;
    try {
      reply = handle(event);
    } catch (HttpError error) {
      reply = FeedReply.error(error, event.routeKey());
      problemType = error.type();
    } catch (SdkException failure) {
      HttpError unavailable = Problems.unavailable(failure, event.requestId());
      if (unavailable == null) {
        Log.error("Unexpected failure", event.requestId(), failure);
        reply = FeedReply.unexpected(event.requestId(), event.routeKey());
        problemType = Problems.INTERNAL_ERROR;
      } else {
        reply = FeedReply.error(unavailable, event.routeKey());
        problemType = unavailable.type();
      }
    } catch (RuntimeException failure) {
      Log.error("Unexpected failure", event.requestId(), failure);
      reply = FeedReply.unexpected(event.requestId(), event.routeKey());
      problemType = Problems.INTERNAL_ERROR;
    }
    RequestLine.write(new RequestLine.Request(event.requestId(), METHOD, event.routeKey(), reply.status(),
        problemType, event.principalId(), started, new RequestMetrics()));
    WebSocketEventCodec.write(reply, output);
  }
}

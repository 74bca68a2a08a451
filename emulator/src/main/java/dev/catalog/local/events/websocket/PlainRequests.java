package dev.catalog.local.events.websocket;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the WebSocket port answers to requests that are not upgrades: the {@code @connections} API's, and for anything
 * else, or what the server cannot parse, API Gateway's JSON form of an error, never a server page.
 */
final class PlainRequests {
  private PlainRequests() {}

  /** {@code @connections} requests to the management API; any other plain request is a route API Gateway lacks. */
  static Handler handler(ConnectionsApi management) {
    return new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws IOException {
        if (ConnectionsApi.serves(request)) {
          management.handle(request, response, callback);
        } else {
          write(response, callback, 403, "Forbidden");
        }
        return true;
      }
    };
  }

  /** The server's own answers; a failure of this tool also goes to the console, with its stack trace. */
  static Request.Handler errors(PrintStream console) {
    return (request, response, callback) -> {
      if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable bug) {
        synchronized (console) {
          console.println(
              "[local WebSocket API] "
                  + request.getMethod()
                  + " "
                  + request.getHttpURI().getPath()
                  + " failed in the local tool itself");
          bug.printStackTrace(console);
        }
      }
      int status = response.getStatus() >= 400 ? response.getStatus() : 500;
      write(
          response,
          callback,
          status,
          status >= 500 ? "Internal server error" : HttpStatus.getMessage(status));
      return true;
    };
  }

  private static void write(Response response, Callback callback, int status, String message) {
    response.setStatus(status);
    response.getHeaders().put("Content-Type", "application/json");
    response.write(
        true,
        ByteBuffer.wrap(("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8)),
        callback);
  }
}

package dev.catalog.local.events.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.lambda.FunctionPool;
import dev.catalog.local.lambda.LocalFunctions;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Hands the WebSocket API's events to the functions (Lambda's side, {@link LocalFunctions}) and reads what they
 * return; knows nothing of how a function runs.
 */
final class RouteInvoker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalFunctions functions;
  private final PrintStream console;

  RouteInvoker(LocalFunctions functions, PrintStream console) {
    this.functions = functions;
    this.console = console;
  }

  /**
   * What one invocation gave: the function's response (null when it returned nothing), or, when it failed, timed out
   * or returned what is not JSON, the error Lambda reports ({@code errorMessage}).
   */
  record Result(boolean succeeded, JsonNode response, String errorMessage) {
    /** The response's {@code statusCode}, or 200 when the function returned none. */
    int statusCode() {
      return response != null && response.path("statusCode").canConvertToInt()
          ? response.path("statusCode").asInt()
          : 200;
    }

    /** The response's {@code body}, as the client would receive it; null when there is none. */
    String body() {
      if (response == null || !response.has("body") || response.get("body").isNull()) {
        return null;
      }
      JsonNode body = response.get("body");
      return body.isTextual() ? body.asText() : body.toString();
    }
  }

  Result invoke(String function, ObjectNode event, String requestId) throws InterruptedException {
    FunctionPool pool = functions.pool(function);
    FunctionPool.Outcome outcome =
        pool.invoke(event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), requestId);
    return switch (outcome) {
      case FunctionPool.Returned returned -> read(function, requestId, (byte[]) returned.value());
      case FunctionPool.Failed failed ->
          new Result(false, null, String.valueOf(failed.error().getMessage()));
      case FunctionPool.TimedOut timedOut -> new Result(false, null, "Task timed out");
    };
  }

  private Result read(String function, String requestId, byte[] output) {
    if (output.length == 0) {
      return new Result(true, null, null);
    }
    try {
      return new Result(true, JSON.readTree(output), null);
    } catch (IOException notJson) {
      console.printf(
          "[%s] request %s: the response is not JSON: %s%n",
          function, requestId, notJson.getMessage());
      return new Result(false, null, "malformed response");
    }
  }
}

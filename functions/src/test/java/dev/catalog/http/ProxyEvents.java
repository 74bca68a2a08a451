package dev.catalog.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** API Gateway proxy events built by hand, and throwaway handlers, for unit tests that need no Lambda runtime. */
public final class ProxyEvents {
  public static final String REQUEST_ID = "c0ffee00-1234-4567-89ab-0123456789ab";

  private ProxyEvents() {}

  /** An event with the given headers as name/value pairs, the request id {@link #REQUEST_ID}, and stage v1. */
  public static APIGatewayProxyRequestEvent event(
      String method, String path, String... headerPairs) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], headerPairs[i + 1]);
    }
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withPath(path)
        .withHeaders(headers)
        .withRequestContext(
            new ProxyRequestContext().withRequestId(REQUEST_ID).withPath("/v1" + path));
  }

  public static ApiRequest request(APIGatewayProxyRequestEvent event) {
    return new ApiRequest(event, null);
  }

  /** A handler whose route logic is {@code handle}, with the real error mapping and CORS of {@link ApiHandler}. */
  public static ApiHandler handler(Cors cors, Function<ApiRequest, ApiResponse> handle) {
    return new ApiHandler(cors) {
      @Override
      protected ApiResponse handle(ApiRequest request) {
        return handle.apply(request);
      }
    };
  }
}

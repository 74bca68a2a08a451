package dev.catalog.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response under construction: status, headers (first writer wins per name unless replaced) and a text body. */
public final class ApiResponse {
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String body;

  private ApiResponse(int status) {
    this.status = status;
  }

  public static ApiResponse status(int status) {
    return new ApiResponse(status);
  }

  /** A JSON body with {@code Content-Type: application/json}. */
  public static ApiResponse json(int status, String json) {
    return new ApiResponse(status).header("Content-Type", "application/json").body(json);
  }

  public ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public ApiResponse body(String body) {
    this.body = body;
    return this;
  }

  public int status() {
    return status;
  }

  public String header(String name) {
    return headers.get(name);
  }

  public String body() {
    return body;
  }

  APIGatewayProxyResponseEvent toEvent() {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false);
  }
}

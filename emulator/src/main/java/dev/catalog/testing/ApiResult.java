package dev.catalog.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The API's answer: status, headers by case-insensitive name, and the body as text and as JSON. */
public record ApiResult(int status, Map<String, List<String>> headers, String body) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The answer a handler gave as an API Gateway response event (single-value headers, as the handlers set them). */
  public static ApiResult of(APIGatewayProxyResponseEvent response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
    }
    return new ApiResult(
        response.getStatusCode(), headers, response.getBody() == null ? "" : response.getBody());
  }

  public ApiResult {
    Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(headers);
    headers = caseInsensitive;
  }

  /** The header's single value, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public JsonNode json() {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + body, e);
    }
  }

  /** The product id from a 201's Location header. */
  public String createdId() {
    String location = header("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return status + " " + headers + " " + body;
  }
}

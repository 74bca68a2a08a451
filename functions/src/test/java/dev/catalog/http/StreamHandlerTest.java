package dev.catalog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.kernel.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lambda's stream interface: the REST proxy event's JSON in, the proxy response's JSON out. */
class StreamHandlerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Answers with what it read of the request, so each event field can be checked on the way out. */
  static final ApiHandler ECHO =
      new ApiHandler(new Cors("*")) {
        @Override
        protected ApiResponse handle(ApiRequest request) {
          var seen =
              Json.newObject()
                  .put("method", request.method())
                  .put("resource", request.resource())
                  .put("publicPath", request.publicPath())
                  .put("basePath", request.basePath())
                  .put("requestId", request.requestId())
                  .put("single", request.header("X-Single"))
                  .put("multi", request.header("X-Multi"))
                  .put("id", request.pathParameter("id"))
                  .put("q", request.queryParameter("q"))
                  .put("caller", request.caller() == null ? null : request.caller().id())
                  .put("body", new String(request.bodyBytes(), StandardCharsets.UTF_8));
          return ApiResponse.json(200, Json.write(seen)).header("X-Out", "yes");
        }

        @Override
        protected Set<String> queryParameters() {
          return Set.of("q");
        }
      };

  static JsonNode invoke(String event) throws IOException {
    var out = new ByteArrayOutputStream();
    ECHO.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return JSON.readTree(out.toByteArray());
  }

  static String event(String query, String body, boolean base64) {
    return """
        {"resource": "/products/{id}", "path": "/products/p-1", "httpMethod": "POST",
         "headers": {"X-Single": "one", "X-Multi": "a"},
         "multiValueHeaders": {"X-Single": ["one"], "X-Multi": ["a", "b"]},
         "queryStringParameters": %s, "multiValueQueryStringParameters": %s,
         "pathParameters": {"id": "p-1"}, "stageVariables": null,
         "requestContext": {"requestId": "req-7", "stage": "v1", "path": "/v1/products/p-1",
           "identity": {"sourceIp": "192.0.2.1"}, "requestTimeEpoch": 1700000000000,
           "authorizer": {"claims": {"sub": "user-1", "username": "ann", "cognito:groups": "admins"}}},
         "body": %s, "isBase64Encoded": %s}
        """
        .formatted(
            query == null ? "null" : "{\"q\": \"" + query + "\"}",
            query == null ? "null" : "{\"q\": [\"" + query.replace(",", "\", \"") + "\"]}",
            JSON.valueToTree(body).toString(),
            base64);
  }

  @Test
  void everyEventFieldTheFunctionsReadReachesTheRequest() throws IOException {
    JsonNode response = invoke(event("shoes", "{\"a\":1}", false));
    assertEquals(200, response.get("statusCode").asInt());
    assertEquals(false, response.get("isBase64Encoded").asBoolean());
    assertEquals("yes", response.get("headers").get("X-Out").asText());
    JsonNode seen = JSON.readTree(response.get("body").asText());
    assertEquals("POST", seen.get("method").asText());
    assertEquals("/products/{id}", seen.get("resource").asText());
    assertEquals("/v1/products/p-1", seen.get("publicPath").asText());
    assertEquals("/v1", seen.get("basePath").asText());
    assertEquals("req-7", seen.get("requestId").asText());
    assertEquals("one", seen.get("single").asText());
    assertEquals("a, b", seen.get("multi").asText());
    assertEquals("p-1", seen.get("id").asText());
    assertEquals("shoes", seen.get("q").asText());
    assertEquals("user-1", seen.get("caller").asText());
    assertEquals("{\"a\":1}", seen.get("body").asText());
  }

  @Test
  void aBase64BodyIsDecodedBeforeTheFunctionReadsIt() throws IOException {
    String encoded = Base64.getEncoder().encodeToString("héllo".getBytes(StandardCharsets.UTF_8));
    JsonNode seen = JSON.readTree(invoke(event(null, encoded, true)).get("body").asText());
    assertEquals("héllo", seen.get("body").asText());
  }

  @Test
  void aQueryParameterGivenTwiceInTheMultiValueMapIsRefused() throws IOException {
    JsonNode response = invoke(event("a,b", "", false));
    assertEquals(400, response.get("statusCode").asInt());
    assertEquals("application/problem+json", response.get("headers").get("Content-Type").asText());
  }
}

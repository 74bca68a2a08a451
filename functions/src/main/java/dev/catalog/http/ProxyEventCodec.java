package dev.catalog.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.kernel.Json;
import dev.catalog.kernel.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads API Gateway's REST proxy event and writes the proxy response with the streaming parser, so a cold start loads
 * neither the Lambda runtime's reflective serializer nor the date library its event mix-ins pull in. Only the fields
 * the functions read are carried; the rest of the event is skipped.
 */
final class ProxyEventCodec {
  private ProxyEventCodec() {}

  static APIGatewayProxyRequestEvent read(InputStream in) throws IOException {
    JsonNode event;
    try (JsonParser parser = Json.parser(in)) {
      event = JsonTrees.read(parser);
    }
    var request = new APIGatewayProxyRequestEvent();
    if (event == null || !event.isObject()) {
      return request;
    }
    request.setResource(text(event, "resource"));
    request.setPath(text(event, "path"));
    request.setHttpMethod(text(event, "httpMethod"));
    request.setHeaders(strings(event.get("headers")));
    request.setMultiValueHeaders(lists(event.get("multiValueHeaders")));
    request.setQueryStringParameters(strings(event.get("queryStringParameters")));
    request.setMultiValueQueryStringParameters(lists(event.get("multiValueQueryStringParameters")));
    request.setPathParameters(strings(event.get("pathParameters")));
    request.setStageVariables(strings(event.get("stageVariables")));
    request.setBody(text(event, "body"));
    JsonNode base64 = event.get("isBase64Encoded");
    request.setIsBase64Encoded(base64 == null || base64.isNull() ? null : base64.asBoolean());
    JsonNode context = event.get("requestContext");
    if (context != null && context.isObject()) {
      var requestContext = new ProxyRequestContext();
      requestContext.setRequestId(text(context, "requestId"));
      requestContext.setStage(text(context, "stage"));
      requestContext.setPath(text(context, "path"));
      requestContext.setResourcePath(text(context, "resourcePath"));
      requestContext.setHttpMethod(text(context, "httpMethod"));
      requestContext.setAccountId(text(context, "accountId"));
      requestContext.setApiId(text(context, "apiId"));
      JsonNode authorizer = context.get("authorizer");
      if (authorizer != null && authorizer.isObject()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) plain(authorizer);
        requestContext.setAuthorizer(claims);
      }
      request.setRequestContext(requestContext);
    }
    return request;
  }

  static void write(APIGatewayProxyResponseEvent response, OutputStream out) throws IOException {
    try (JsonGenerator json = Json.generator(out)) {
      json.writeStartObject();
      if (response.getStatusCode() != null) {
        json.writeNumberField("statusCode", response.getStatusCode());
      }
      if (response.getHeaders() != null) {
        json.writeObjectFieldStart("headers");
        for (var header : response.getHeaders().entrySet()) {
          json.writeStringField(header.getKey(), header.getValue());
        }
        json.writeEndObject();
      }
      if (response.getMultiValueHeaders() != null) {
        json.writeObjectFieldStart("multiValueHeaders");
        for (var header : response.getMultiValueHeaders().entrySet()) {
          json.writeArrayFieldStart(header.getKey());
          for (String value : header.getValue()) {
            json.writeString(value);
          }
          json.writeEndArray();
        }
        json.writeEndObject();
      }
      if (response.getBody() != null) {
        json.writeStringField("body", response.getBody());
      }
      json.writeBooleanField("isBase64Encoded", Boolean.TRUE.equals(response.getIsBase64Encoded()));
      json.writeEndObject();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, String> strings(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    node.properties()
        .forEach(
            entry ->
                map.put(
                    entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText()));
    return map;
  }

  private static Map<String, List<String>> lists(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    node.properties()
        .forEach(
            entry -> {
              List<String> values = new ArrayList<>();
              entry.getValue().forEach(value -> values.add(value.isNull() ? null : value.asText()));
              map.put(entry.getKey(), values);
            });
    return map;
  }

  /** The authorizer's context as the runtime's serializer gives it: maps, lists, strings, numbers and booleans. */
  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(value -> list.add(plain(value)));
      return list;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}

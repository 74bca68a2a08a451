package dev.catalog.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the REST proxy event API Gateway sends for a request: single- and multi-value headers and query parameters
 * (the single form holds the last value), path parameters, a request context, and the body as text when it is valid
 * UTF-8, base64 otherwise.
 */
public final class ProxyEvents {
  private ProxyEvents() {}

  public static APIGatewayProxyRequestEvent of(String method, String resource, String pathAndQuery,
      Map<String, String> pathParameters, List<Map.Entry<String, String>> headers, byte[] body) {
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    Map<String, String> singleHeaders = new LinkedHashMap<>();
    Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      singleHeaders.put(header.getKey(), header.getValue());
      multiHeaders.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue());
    }
    Map<String, String> singleQuery = new LinkedHashMap<>();
    Map<String, List<String>> multiQuery = new LinkedHashMap<>();
    if (question >= 0) {
      for (String pair : pathAndQuery.substring(question + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        singleQuery.put(name, value);
        multiQuery.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withResource(resource)
        .withPath(path)
        .withPathParameters(pathParameters == null || pathParameters.isEmpty() ? null : pathParameters)
        .withHeaders(singleHeaders)
        .withMultiValueHeaders(multiHeaders)
        .withQueryStringParameters(singleQuery.isEmpty() ? null : singleQuery)
        .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
        .withRequestContext(new ProxyRequestContext()
            .withRequestId(UUID.randomUUID().toString())
            .withStage("local")
            .withPath(path)
            .withResourcePath(resource)
            .withHttpMethod(method)
            .withIdentity(new RequestIdentity().withSourceIp("127.0.0.1")
                .withUserAgent(singleHeaders.getOrDefault("User-Agent", "tests"))));
    if (body != null && body.length > 0) {
      String text = utf8(body);
      event.withBody(text != null ? text : Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(text == null);
    } else {
      event.withIsBase64Encoded(false);
    }
    return event;
  }

  private static String decode(String component) {
    return URLDecoder.decode(component, StandardCharsets.UTF_8);
  }

  /** The bytes as text if they are well-formed UTF-8, else null. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}

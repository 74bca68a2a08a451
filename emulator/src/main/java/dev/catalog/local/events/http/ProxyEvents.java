package dev.catalog.local.events.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the REST proxy event API Gateway sends for a request: single- and multi-value headers and query parameters
 * (the single form holds the last value), path parameters, stage variables, a request context (request id, stage,
 * resource path, method, identity with source IP and user agent, request time), and the body as text when it is valid
 * UTF-8, base64 otherwise. The one event builder of the in-process tests and the local API.
 */
public final class ProxyEvents {
  /** API Gateway's {@code requestContext.requestTime}, e.g. {@code 24/Nov/2026:17:30:00 +0000}. */
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private ProxyEvents() {}

  /** An event with the defaults of {@link Builder}, as the in-process tests send it. */
  public static APIGatewayProxyRequestEvent of(
      String method,
      String resource,
      String pathAndQuery,
      Map<String, String> pathParameters,
      List<Map.Entry<String, String>> headers,
      byte[] body) {
    return request(method, pathAndQuery)
        .resource(resource)
        .pathParameters(pathParameters)
        .headers(headers)
        .body(body)
        .build();
  }

  /** The claims API Gateway passes for a person in catalog-admins, for tests that call a write function directly. */
  public static final Map<String, String> ADMIN_CLAIMS =
      Map.of(
          "sub",
          "test-admin",
          "username",
          "test-admin",
          "cognito:groups",
          "catalog-admins",
          "token_use",
          "access",
          "scope",
          "openid email",
          "client_id",
          "test-people-client");

  /** The event as API Gateway passes it after its authorizer admitted a person in catalog-admins. */
  public static APIGatewayProxyRequestEvent asAdmin(APIGatewayProxyRequestEvent event) {
    event.getRequestContext().setAuthorizer(Map.of("claims", ADMIN_CLAIMS));
    return event;
  }

  /** A builder for the event of {@code method} on {@code pathAndQuery} (path still percent-encoded). */
  public static Builder request(String method, String pathAndQuery) {
    return new Builder(method, pathAndQuery);
  }

  /** The parts of a request API Gateway puts in the event; everything not given keeps a plausible default. */
  public static final class Builder {
    private final String method;
    private final String pathAndQuery;
    private String resource;
    private Map<String, String> pathParameters = Map.of();
    private List<Map.Entry<String, String>> headers = List.of();
    private byte[] body;
    private String stage = "local";
    private Map<String, String> stageVariables = Map.of();
    private String requestId = UUID.randomUUID().toString();
    private String sourceIp = "127.0.0.1";
    private String protocol = "HTTP/1.1";
    private Instant requestTime = Instant.now();
    private Map<String, String> claims;

    private Builder(String method, String pathAndQuery) {
      this.method = method;
      this.pathAndQuery = pathAndQuery;
    }

    /** The route's path as the template writes it, e.g. {@code /products/{id}}. */
    public Builder resource(String resource) {
      this.resource = resource;
      return this;
    }

    /** Decoded values by name. */
    public Builder pathParameters(Map<String, String> pathParameters) {
      this.pathParameters = pathParameters == null ? Map.of() : pathParameters;
      return this;
    }

    /** Header lines in the order received; a name may repeat. */
    public Builder headers(List<Map.Entry<String, String>> headers) {
      this.headers = headers;
      return this;
    }

    public Builder body(byte[] body) {
      this.body = body;
      return this;
    }

    public Builder stage(String stage) {
      this.stage = stage;
      return this;
    }

    public Builder stageVariables(Map<String, String> stageVariables) {
      this.stageVariables = stageVariables == null ? Map.of() : stageVariables;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder sourceIp(String sourceIp) {
      this.sourceIp = sourceIp;
      return this;
    }

    public Builder protocol(String protocol) {
      this.protocol = protocol;
      return this;
    }

    public Builder requestTime(Instant requestTime) {
      this.requestTime = requestTime;
      return this;
    }

    /** What API Gateway's Cognito authorizer passes in {@code requestContext.authorizer.claims}; null: none ran. */
    public Builder authorizerClaims(Map<String, String> claims) {
      this.claims = claims;
      return this;
    }

    public APIGatewayProxyRequestEvent build() {
      int question = pathAndQuery.indexOf('?');
      String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
      Map<String, String> singleHeaders = new LinkedHashMap<>();
      Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
      for (Map.Entry<String, String> header : headers) {
        singleHeaders.put(header.getKey(), header.getValue());
        multiHeaders
            .computeIfAbsent(header.getKey(), name -> new ArrayList<>())
            .add(header.getValue());
      }
      Map<String, String> singleQuery = new LinkedHashMap<>();
      Map<String, List<String>> multiQuery = new LinkedHashMap<>();
      if (question >= 0) {
        parseQuery(pathAndQuery.substring(question + 1), singleQuery, multiQuery);
      }
      String host = singleHeaders.getOrDefault("Host", "localhost");
      APIGatewayProxyRequestEvent event =
          new APIGatewayProxyRequestEvent()
              .withHttpMethod(method)
              .withResource(resource)
              .withPath(path)
              .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
              .withStageVariables(stageVariables.isEmpty() ? null : stageVariables)
              .withHeaders(singleHeaders)
              .withMultiValueHeaders(multiHeaders)
              .withQueryStringParameters(singleQuery.isEmpty() ? null : singleQuery)
              .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
              .withRequestContext(
                  new ProxyRequestContext()
                      .withAccountId("123456789012")
                      .withApiId("local")
                      .withRequestId(requestId)
                      .withStage(stage)
                      .withPath(path)
                      .withResourcePath(resource)
                      .withHttpMethod(method)
                      .withProtocol(protocol)
                      .withDomainName(host)
                      .withDomainPrefix(host.split("[.:]", 2)[0])
                      .withRequestTime(REQUEST_TIME.format(requestTime))
                      .withRequestTimeEpoch(requestTime.toEpochMilli())
                      .withIdentity(
                          new RequestIdentity()
                              .withSourceIp(sourceIp)
                              .withUserAgent(singleHeaders.getOrDefault("User-Agent", "tests"))));
      if (claims != null) {
        event.getRequestContext().setAuthorizer(Map.of("claims", Map.copyOf(claims)));
      }
      if (body != null && body.length > 0) {
        String text = utf8(body);
        event
            .withBody(text != null ? text : Base64.getEncoder().encodeToString(body))
            .withIsBase64Encoded(text == null);
      } else {
        event.withIsBase64Encoded(false);
      }
      return event;
    }
  }

  private static void parseQuery(
      String query, Map<String, String> single, Map<String, List<String>> multi) {
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      single.put(name, value);
      multi.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
  }

  /** Form decoding, as API Gateway applies to query strings; a malformed escape is kept as written. */
  private static String decode(String component) {
    try {
      return URLDecoder.decode(component, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return component;
    }
  }

  /** The bytes as text if they are well-formed UTF-8, else null. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}

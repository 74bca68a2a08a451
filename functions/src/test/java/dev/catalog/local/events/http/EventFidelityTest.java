package dev.catalog.local.events.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.CapturedConsole;
import dev.catalog.local.Requests;
import dev.catalog.local.fixtures.EchoHandler;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.TemplateFixtures;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The event a function receives and the response a client gets are API Gateway's REST proxy integration: checked
 * over real HTTP against {@link EchoHandler}, which answers with the event it was given.
 */
class EventFidelityTest {
  @RegisterExtension
  static final DynamoDbLocal DYNAMO = new DynamoDbLocal(TemplateFixtures.path("local-api.yaml"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final CapturedConsole CONSOLE = new CapturedConsole();
  static LocalApi api;

  @BeforeAll
  static void start() {
    api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(CONSOLE.stream())
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static JsonNode event(HttpResponse<String> response) throws IOException {
    assertEquals(200, response.statusCode(), response::body);
    return JSON.readTree(response.body()).get("event");
  }

  @Test
  void repeatedHeadersAndQueryParametersArriveInBothTheSingleAndTheMultiValueMaps()
      throws IOException {
    JsonNode event =
        event(
            Requests.send(
                Requests.to(api, "/echo/items/a?tag=red&tag=blue%20green&empty=&flag")
                    .header("Accept", "text/plain")
                    .header("Accept", "application/json")
                    .header("x-custom-header", "1")));

    assertEquals(
        "application/json",
        event.get("headers").get("Accept").asText(),
        "the single form keeps the last");
    assertEquals(
        List.of("text/plain", "application/json"),
        JSON.convertValue(event.get("multiValueHeaders").get("Accept"), List.class));
    assertEquals("1", event.get("headers").get("X-Custom-Header").asText());
    assertEquals("blue green", event.get("queryStringParameters").get("tag").asText());
    assertEquals(
        List.of("red", "blue green"),
        JSON.convertValue(event.get("multiValueQueryStringParameters").get("tag"), List.class));
    assertEquals("", event.get("queryStringParameters").get("empty").asText());
    assertEquals("", event.get("queryStringParameters").get("flag").asText());
  }

  @Test
  void theEventNamesTheResourcePathParametersStageAndRequestContext() throws IOException {
    HttpResponse<String> response =
        Requests.send(
            Requests.to(api, "/echo/items/caf%C3%A9%2B1").header("User-Agent", "fidelity-test"));
    JsonNode event = event(response);

    assertEquals(
        "/echo/items/{id}",
        event.get("resource").asText(),
        "the literal route beats the greedy one");
    assertEquals("/echo/items/caf%C3%A9%2B1", event.get("path").asText());
    assertEquals("caf\u00e9+1", event.get("pathParameters").get("id").asText());
    assertEquals("vanilla", event.get("stageVariables").get("flavour").asText());
    assertTrue(event.get("queryStringParameters").isNull());
    JsonNode context = event.get("requestContext");
    assertEquals("test", context.get("stage").asText());
    assertEquals("/echo/items/{id}", context.get("resourcePath").asText());
    assertEquals("GET", context.get("httpMethod").asText());
    assertEquals("127.0.0.1", context.get("identity").get("sourceIp").asText());
    assertEquals("fidelity-test", context.get("identity").get("userAgent").asText());
    assertEquals(
        response.headers().firstValue("x-amzn-RequestId").orElseThrow(),
        context.get("requestId").asText());
    long requestTime = context.get("requestTimeEpoch").asLong();
    assertTrue(Math.abs(Instant.now().toEpochMilli() - requestTime) < 60_000, context::toString);
    assertTrue(
        context
            .get("requestTime")
            .asText()
            .matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"));
    assertEquals("127.0.0.1", event.get("headers").get("X-Forwarded-For").asText());
  }

  @Test
  void aGreedyParameterTakesTheRestOfThePath() throws IOException {
    JsonNode event =
        event(
            Requests.send(
                Requests.to(api, "/echo/a/b/c").method("DELETE", BodyPublishers.noBody())));

    assertEquals("/echo/{proxy+}", event.get("resource").asText());
    assertEquals("a/b/c", event.get("pathParameters").get("proxy").asText());
    assertEquals("DELETE", event.get("httpMethod").asText());
  }

  @Test
  void aUtf8BodyArrivesAsTextAndAnyOtherAsBase64() throws IOException {
    JsonNode text =
        event(
            Requests.send(
                Requests.to(api, "/echo/text").POST(BodyPublishers.ofString("gr\u00fc\u00df"))));
    assertEquals("gr\u00fc\u00df", text.get("body").asText());
    assertFalse(text.get("isBase64Encoded").asBoolean());

    byte[] binary = {(byte) 0xff, (byte) 0xd8, 0, 1, (byte) 0xc3};
    JsonNode encoded =
        event(
            Requests.send(
                Requests.to(api, "/echo/binary")
                    .header("Content-Type", "application/octet-stream")
                    .POST(BodyPublishers.ofByteArray(binary))));
    assertTrue(encoded.get("isBase64Encoded").asBoolean());
    assertArrayEquals(binary, Base64.getDecoder().decode(encoded.get("body").asText()));
  }

  @Test
  void aBase64ResponseIsSentAsItsBytes() {
    HttpResponse<byte[]> response =
        Requests.send(Requests.to(api, "/echo/image?binary=true"), BodyHandlers.ofByteArray());

    assertEquals(200, response.statusCode());
    assertEquals("image/png", response.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(EchoHandler.BINARY, response.body());
  }

  @Test
  void multiValueResponseHeadersAreSentAsRepeatedLines() {
    HttpResponse<String> response = Requests.send(Requests.to(api, "/echo/headers"));

    assertEquals(List.of("one", "two"), response.headers().allValues("X-Echo"));
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void aPathNoRouteServesGetsApiGatewaysMissingAuthenticationToken() {
    for (var request :
        List.of(
            Requests.to(api, "/nothing/here"),
            Requests.to(api, "/"),
            Requests.to(api, "/products").method("PATCH", BodyPublishers.ofString("{}")),
            Requests.to(api, "/echo/items/1").method("PUT", BodyPublishers.noBody()))) {
      HttpResponse<String> response = Requests.send(request);
      assertEquals(403, response.statusCode(), () -> request.build().toString());
      assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
      assertEquals(
          "MissingAuthenticationTokenException",
          response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
      assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }
  }

  @Test
  void aResponseWithoutStatusCodeIsApiGateways502() {
    HttpResponse<String> response = Requests.send(Requests.to(api, "/echo/x?malformed=true"));

    assertEquals(502, response.statusCode());
    assertEquals("{\"message\": \"Internal server error\"}", response.body());
    assertTrue(CONSOLE.text().contains("malformed Lambda proxy response"), CONSOLE::text);
  }

  @Test
  void aBodyOverTenMegabytesIsRefusedWith413BeforeAnyFunctionRuns() {
    byte[] tooLong = new byte[GatewayError.MAX_PAYLOAD_BYTES + 1];
    HttpResponse<String> response =
        Requests.send(Requests.to(api, "/echo/upload").POST(BodyPublishers.ofByteArray(tooLong)));

    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("10485760"), response::body);
  }

  @Test
  void everyResponseCarriesApiGatewaysRequestAndTraceIds() {
    HttpResponse<String> first = Requests.send(Requests.to(api, "/echo/ids"));
    HttpResponse<String> second = Requests.send(Requests.to(api, "/nothing"));

    for (HttpResponse<String> response : List.of(first, second)) {
      assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
      assertTrue(
          response.headers().firstValue("X-Amzn-Trace-Id").orElseThrow().startsWith("Root=1-"));
    }
    assertNotEquals(
        first.headers().firstValue("x-amzn-RequestId"),
        second.headers().firstValue("x-amzn-RequestId"));
  }

  /** One request written byte for byte, for request targets {@link java.net.URI} refuses to build. */
  static String raw(String requestHead) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", api.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String get(String target) throws IOException {
    return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  }

  static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  @Test
  void aPathWithAnEmptySegmentIsAPathNoRouteServesNotAServerPage() throws IOException {
    for (String target : List.of("//products", "//echo/items/1", "/products//", "//")) {
      String response = get(target);
      assertTrue(response.startsWith("HTTP/1.1 403 "), target + ": " + response);
      assertEquals("{\"message\":\"Missing Authentication Token\"}", body(response), target);
    }
  }

  @Test
  void aMalformedEscapeInTheQueryReachesTheFunctionAsWritten() throws IOException {
    String response = get("/echo/items/a?tag=%zz&pct=%&ok=%41");
    assertTrue(response.startsWith("HTTP/1.1 200 "), response);
    JsonNode parameters = JSON.readTree(body(response)).get("event").get("queryStringParameters");
    assertEquals("%zz", parameters.get("tag").asText());
    assertEquals("%", parameters.get("pct").asText());
    assertEquals("A", parameters.get("ok").asText());
  }

  @Test
  void aMalformedOrNulEscapeInThePathReachesTheFunctionAsWritten() throws IOException {
    for (var target :
        List.of(
            List.of("/echo/items/%zz", "%zz"),
            List.of("/echo/items/a%00b", "a\u0000b"),
            List.of("/echo/items/50%", "50%"),
            List.of("/echo/items/%2525", "%25"))) {
      String response = get(target.get(0));
      assertTrue(response.startsWith("HTTP/1.1 200 "), response);
      JsonNode event = JSON.readTree(body(response)).get("event");
      assertEquals(target.get(0), event.get("path").asText());
      assertEquals(target.get(1), event.get("pathParameters").get("id").asText());
    }
  }

  /** A POST of {@code {}} to the echo function, its body framed in chunks, with this Transfer-Encoding. */
  static String postChunked(String transferEncoding) throws IOException {
    return raw(
        "POST /echo/coded HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: "
            + transferEncoding
            + "\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  }

  /**
   * API Gateway implements one transfer coding, chunked; a request with any other is refused before any function, as
   * docs/local.md says of an unsupported Transfer-Encoding (400, API Gateway's JSON form of an error). Before, a coding
   * ahead of a final chunked passed: the function got the dechunked bytes as if they were the body.
   */
  @Test
  void aTransferCodingOtherThanChunkedIs400BeforeAnyFunctionRuns() throws IOException {
    for (String coding :
        List.of(
            "gzip, chunked",
            "deflate, chunked",
            "compress, chunked",
            "x-gzip, chunked",
            "br, chunked",
            "identity, chunked",
            "unknown, chunked",
            "gzip,chunked",
            "gzip;q=1, chunked",
            "chunked, chunked",
            "chunked, gzip",
            "gzip",
            "deflate",
            "compress",
            "identity",
            "unknown")) {
      String response = postChunked(coding);
      String what = "Transfer-Encoding: " + coding + " => " + response;
      assertTrue(response.startsWith("HTTP/1.1 400 "), what);
      assertTrue(
          response.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"),
          what);
      assertTrue(response.contains("x-amzn-ErrorType: BadRequestException"), what);
      assertEquals("{\"message\":\"Bad Request\"}", body(response), what);
    }
  }

  @Test
  void aChunkedBodyAloneReachesTheFunctionDechunked() throws IOException {
    for (String coding : List.of("chunked", "Chunked", " chunked ")) {
      String response = postChunked(coding);
      assertTrue(response.startsWith("HTTP/1.1 200 "), coding + " => " + response);
      assertEquals("{}", JSON.readTree(body(response)).get("event").get("body").asText(), coding);
    }
  }

  @Test
  void whatTheServerCannotParseIsAJsonErrorNeverAnHtmlPage() throws IOException {
    for (String head :
        List.of(
            "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /echo/a b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GARBAGE\r\n\r\n",
            "GET /echo/a HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\nConnection: close\r\n\r\n",
            "POST /echo/a HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            "POST /echo/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n")) {
      String response = raw(head);
      String what = head.lines().findFirst().orElseThrow() + " => " + response;
      assertTrue(response.matches("(?s)HTTP/1.1 4\\d\\d .*"), what);
      assertTrue(
          response.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"),
          what);
      assertTrue(body(response).matches("\\{\"message\":\"[A-Za-z ]+\"}"), what);
    }
  }
}

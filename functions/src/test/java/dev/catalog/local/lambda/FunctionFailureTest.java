package dev.catalog.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.CapturedConsole;
import dev.catalog.local.Requests;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.TemplateFixtures;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A function that throws or outlives its Timeout (EchoFunction has Timeout: 1) gets API Gateway's 502, with the
 * reason on the console; an instance that timed out is never used again.
 */
class FunctionFailureTest {
  @RegisterExtension
  static final DynamoDbLocal DYNAMO = new DynamoDbLocal(TemplateFixtures.path("local-api.yaml"));

  static final ObjectMapper JSON = new ObjectMapper();
  CapturedConsole console;
  LocalApi api;

  @BeforeEach
  void start() {
    console = new CapturedConsole();
    api =
        LocalApi.builder(DYNAMO.template())
            .environment(DYNAMO::environment)
            .port(0)
            .console(console.stream())
            .start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  String instanceServing(String pathAndQuery) throws IOException {
    HttpResponse<String> response = Requests.send(Requests.to(api, pathAndQuery));
    assertEquals(200, response.statusCode(), response::body);
    return JSON.readTree(response.body()).get("instance").asText();
  }

  @Test
  void aHandlerThatThrowsGets502AndItsStackTraceOnTheConsole() throws IOException {
    HttpResponse<String> response = Requests.send(Requests.to(api, "/echo/x?fail=true"));

    assertEquals(502, response.statusCode());
    assertEquals("{\"message\": \"Internal server error\"}", response.body());
    assertEquals(
        "InternalServerErrorException",
        response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    String text = console.text();
    assertTrue(text.contains("[EchoFunction] request " + requestId + " failed"), text);
    assertTrue(
        text.contains("java.lang.IllegalStateException: EchoHandler was asked to fail"), text);
    assertTrue(
        text.contains("dev.catalog.local.fixtures.EchoHandler.handleRequest(EchoHandler.java:"),
        text);
    assertEquals(
        1, api.instancesCreated("EchoFunction"), "an exception does not cost the instance");
    instanceServing("/echo/after");
    assertEquals(1, api.instancesCreated("EchoFunction"));
  }

  @Test
  void anInvocationOverTheTimeoutGets502AndItsInstanceIsDiscarded() throws IOException {
    String before = instanceServing("/echo/first");

    HttpResponse<String> slow = Requests.send(Requests.to(api, "/echo/slow?sleep=5000"));

    assertEquals(502, slow.statusCode());
    assertEquals("{\"message\": \"Internal server error\"}", slow.body());
    assertTrue(
        console
            .text()
            .contains("timed out after 1 s (the function's Timeout); instance 1 discarded"),
        console::text);
    String after = instanceServing("/echo/next");
    assertNotEquals(before, after, "the timed-out instance served again");
    assertEquals(2, api.instancesCreated("EchoFunction"));
  }
}

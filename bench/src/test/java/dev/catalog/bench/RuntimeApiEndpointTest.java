package dev.catalog.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Runtime API endpoint against a stand-in runtime speaking real HTTP on loopback. */
class RuntimeApiEndpointTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ExecutorService runtime = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stopRuntime() {
    runtime.shutdownNow();
  }

  @Test
  void nextCarriesTheEventAndTheInvocationHeadersAndTheResponseCompletesTheInvocation()
      throws Exception {
    try (var endpoint = new RuntimeApiEndpoint("TestFunction", Duration.ofSeconds(10))) {
      Future<HttpResponse<String>> next =
          runtime.submit(
              () ->
                  http.send(
                      get(endpoint, "invocation/next"), HttpResponse.BodyHandlers.ofString()));
      Future<Integer> answered =
          runtime.submit(
              () ->
                  post(
                      endpoint,
                      "invocation/" + requestId(next.get()) + "/response",
                      "{\"statusCode\":200}",
                      null));

      var reply = endpoint.invoke(bytes("{\"httpMethod\":\"GET\"}"), TIMEOUT, () -> true);

      assertFalse(reply.isError());
      assertEquals("{\"statusCode\":200}", reply.bodyText());
      assertTrue(reply.nanos() > 0);
      assertEquals(202, answered.get());
      var event = next.get();
      assertEquals(200, event.statusCode());
      assertEquals("{\"httpMethod\":\"GET\"}", event.body());
      long deadline =
          Long.parseLong(event.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
      assertTrue(deadline > System.currentTimeMillis());
      assertTrue(
          event
              .headers()
              .firstValue("Lambda-Runtime-Invoked-Function-Arn")
              .orElseThrow()
              .endsWith(":function:TestFunction"));
      assertTrue(
          event
              .headers()
              .firstValue("Lambda-Runtime-Trace-Id")
              .orElseThrow()
              .startsWith("Root=1-"));
      assertTrue(endpoint.firstPollNanos() > 0);
    }
  }

  @Test
  void errorPostCompletesTheInvocationAsAnErrorWithItsType() throws Exception {
    try (var endpoint = new RuntimeApiEndpoint("TestFunction", Duration.ofSeconds(10))) {
      Future<Integer> answered =
          runtime.submit(
              () -> {
                var next =
                    http.send(
                        get(endpoint, "invocation/next"), HttpResponse.BodyHandlers.ofString());
                return post(
                    endpoint,
                    "invocation/" + requestId(next) + "/error",
                    "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}",
                    "java.lang.IllegalStateException");
              });

      var reply = endpoint.invoke(bytes("{}"), TIMEOUT, () -> true);

      assertTrue(reply.isError());
      assertEquals("java.lang.IllegalStateException", reply.errorType());
      assertEquals("error:java.lang.IllegalStateException", ColdStartRunner.outcome(reply));
      assertEquals(202, answered.get());
    }
  }

  @Test
  void answerForAnUnknownRequestIdIsRejectedWith400() throws Exception {
    try (var endpoint = new RuntimeApiEndpoint("TestFunction", Duration.ofSeconds(10))) {
      assertEquals(400, post(endpoint, "invocation/no-such-id/response", "{}", null));
    }
  }

  @Test
  void unknownInvocationPathIsNotFound() throws Exception {
    try (var endpoint = new RuntimeApiEndpoint("TestFunction", Duration.ofSeconds(10))) {
      assertEquals(404, post(endpoint, "invocation/some-id/elsewhere", "{}", null));
    }
  }

  @Test
  void initErrorFailsTheInvocationWaitingForAPoll() throws Exception {
    try (var endpoint = new RuntimeApiEndpoint("TestFunction", Duration.ofSeconds(10))) {
      assertEquals(
          202,
          post(
              endpoint,
              "init/error",
              "{\"errorMessage\":\"no handler\"}",
              "Runtime.ClassNotFound"));

      var failure =
          assertThrows(
              IllegalStateException.class, () -> endpoint.invoke(bytes("{}"), TIMEOUT, () -> true));

      assertTrue(failure.getMessage().contains("Runtime.ClassNotFound"), failure.getMessage());
    }
  }

  @Test
  void invocationFailsOnceTheRuntimeHasExited() throws Exception {
    try (var endpoint = new RuntimeApiEndpoint("TestFunction", Duration.ofSeconds(10))) {
      var failure =
          assertThrows(
              IllegalStateException.class,
              () -> endpoint.invoke(bytes("{}"), TIMEOUT, () -> false));

      assertTrue(failure.getMessage().contains("exited"), failure.getMessage());
    }
  }

  private static HttpRequest get(RuntimeApiEndpoint endpoint, String path) {
    return HttpRequest.newBuilder(uri(endpoint, path)).GET().build();
  }

  private int post(RuntimeApiEndpoint endpoint, String path, String body, String errorType)
      throws Exception {
    var request =
        HttpRequest.newBuilder(uri(endpoint, path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (errorType != null) {
      request.header("Lambda-Runtime-Function-Error-Type", errorType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static URI uri(RuntimeApiEndpoint endpoint, String path) {
    return URI.create("http://" + endpoint.address() + RuntimeApiEndpoint.BASE + "/" + path);
  }

  private static String requestId(HttpResponse<String> next) {
    return next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

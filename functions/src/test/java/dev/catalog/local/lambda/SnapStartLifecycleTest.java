package dev.catalog.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.CapturedConsole;
import dev.catalog.local.Requests;
import dev.catalog.local.events.http.LocalApi;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.TemplateFixtures;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * For a function with SnapStart, the local API runs the CRaC hooks the function registered in its own class loader,
 * as Lambda does when it publishes a version and restores it: beforeCheckpoint once, afterRestore per instance. A
 * failing hook is one line on the console, and the function does not serve.
 */
class SnapStartLifecycleTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(TemplateFixtures.path("snapstart.yaml"));
  CapturedConsole console;
  LocalApi api;

  @BeforeEach
  void start() {
    console = new CapturedConsole();
    api =
        LocalApi.builder(TEMPLATE)
            .environment(id -> TEMPLATE.function(id).environment(TEMPLATE.resolver().build()))
            .port(0)
            .console(console.stream())
            .start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aSnapStartFunctionRunsBeforeCheckpointThenAfterRestoreBeforeItsFirstRequest() {
    HttpResponse<String> response = Requests.send(Requests.to(api, "/snap"));
    assertEquals(200, response.statusCode());
    assertEquals("snap-start beforeCheckpoint,afterRestore", response.body());
  }

  @Test
  void aFunctionWithoutSnapStartRunsNoHook() {
    HttpResponse<String> response = Requests.send(Requests.to(api, "/on-demand"));
    assertEquals("on-demand ", response.body());
  }

  @Test
  void aFailingHookIsOneLineOnTheConsoleAndTheFunctionAnswers502() {
    HttpResponse<String> response = Requests.send(Requests.to(api, "/failing"));
    assertEquals(502, response.statusCode());
    List<String> lines =
        console.lines().stream().filter(line -> line.startsWith("[FailingHookFunction]")).toList();
    assertEquals(
        List.of(
            "[FailingHookFunction] instance 1: SnapStart beforeCheckpoint hook failed:"
                + " java.lang.IllegalStateException: the beforeCheckpoint hook of this fixture fails on purpose;"
                + " the snapshot cannot be taken, so publishing a version would fail (BeforeCheckpointError)"),
        lines);
    assertFalse(console.text().contains("\tat "), console::text);
  }

  @Test
  void eachFunctionHasItsOwnHooksInItsOwnClassLoader() {
    Requests.send(Requests.to(api, "/on-demand"));
    HttpResponse<String> response = Requests.send(Requests.to(api, "/snap"));
    assertTrue(response.body().endsWith(" beforeCheckpoint,afterRestore"), response.body());
  }
}

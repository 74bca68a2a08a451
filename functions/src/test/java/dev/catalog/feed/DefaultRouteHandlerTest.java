package dev.catalog.feed;

import static dev.catalog.feed.FeedReplies.assertError;
import static dev.catalog.feed.FeedReplies.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.WebSocketEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code $default}: every message no route took gets an error reply saying why, never silence. */
class DefaultRouteHandlerTest {
  static WebSocketEvents.Reply send(String body) {
    return WebSocketEvents.message("$default", "conn-1=", Instant.now(), body)
        .invoke(new DefaultRouteHandler());
  }

  @Test
  void anUnknownActionIsAnErrorReplyNamingIt() {
    var problem =
        assertError(400, "unknown-action", send("{\"action\":\"Subscribe\",\"all\":true}"));
    assertTrue(problem.path("detail").asText().contains("\"Subscribe\""), problem.toString());
    assertEquals("$default", problem.path("instance").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"subscribe", "unsubscribe"})
  void aMessageNamingARouteThatReachedDefaultIsToldItWasNotRoutedNotThatItsActionIsUnknown(
      String action) {
    var problem =
        assertError(400, "unrouted-message", send("{\"action\":\"" + action + "\",\"all\":true}"));
    assertEquals(
        "This message names the action \"" + action + "\" but did not reach its route.",
        problem.path("detail").asText());
    assertEquals("$default", problem.path("instance").asText());
  }

  @Test
  void aSubscribeThatCameInABinaryFrameIsToldToComeAsJsonInATextFrame() {
    String binary =
        Base64.getEncoder()
            .encodeToString(
                "{\"action\":\"subscribe\",\"all\":true}".getBytes(StandardCharsets.UTF_8));
    var reply =
        WebSocketEvents.message("$default", "conn-1=", Instant.now(), null)
            .base64(binary)
            .invoke(new DefaultRouteHandler());
    var problem = assertError(400, "unrouted-message", reply);
    assertEquals(
        "This message names the action \"subscribe\" but did not reach its route: it came in a binary"
            + " frame, which is never routed by its action. Send it as JSON in a text frame.",
        problem.path("detail").asText());
  }

  @Test
  void aMessageWithoutAnActionIsAValidationErrorOnAction() {
    assertEquals(
        Set.of("action"),
        fields(assertError(400, "validation-failed", send("{\"categories\":[\"a\"]}"))));
    assertEquals(
        Set.of("action"), fields(assertError(400, "validation-failed", send("{\"action\":7}"))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hello|malformed-json",
        "\"subscribe\"|not-an-object",
        "{\"action\":\"x\"|malformed-json"
      })
  void aMessageThatIsNotAJsonObjectIsAnErrorReply(String body, String slug) {
    assertError(400, slug, send(body));
  }

  @Test
  void anEmptyMessageIsAnErrorReply() {
    assertError(400, "missing-body", send(""));
  }

  @Test
  void anOversizedMessageIsA413ErrorReply() {
    assertError(413, "payload-too-large", send("{\"action\":\"" + "x".repeat(20_000) + "\"}"));
  }
}

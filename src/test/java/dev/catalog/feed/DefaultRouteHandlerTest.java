package dev.catalog.feed;

import static dev.catalog.feed.FeedReplies.assertError;
import static dev.catalog.feed.FeedReplies.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.WebSocketEvents;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code $default}: every message no route took gets an error reply saying why, never silence. */
class DefaultRouteHandlerTest {
  static WebSocketEvents.Reply send(String body) {
    return WebSocketEvents.message("$default", "conn-1=", Instant.now(), body).invoke(new DefaultRouteHandler());
  }

  @Test
  void anUnknownActionIsAnErrorReplyNamingIt() {
    var problem = assertError(400, "unknown-action", send("{\"action\":\"Subscribe\",\"all\":true}"));
    assertTrue(problem.path("detail").asText().contains("\"Subscribe\""), problem.toString());
    assertEquals("$default", problem.path("instance").asText());
  }

  @Test
  void aMessageWithoutAnActionIsAValidationErrorOnAction() {
    assertEquals(Set.of("action"), fields(assertError(400, "validation-failed", send("{\"categories\":[\"a\"]}"))));
    assertEquals(Set.of("action"), fields(assertError(400, "validation-failed", send("{\"action\":7}"))));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"hello|malformed-json", "\"subscribe\"|not-an-object",
      "{\"action\":\"x\"|malformed-json"})
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

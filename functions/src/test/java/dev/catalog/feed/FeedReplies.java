package dev.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.testing.WebSocketEvents.Reply;
import java.util.Set;
import java.util.TreeSet;

/** Assertions on the feed functions' replies. */
final class FeedReplies {
  private FeedReplies() {}

  /**
   * The reply is the feed's error message: {@code {"type":"error","problem":{...}}} with the status, the problem type
   * {@code urn:products-api:problem:<slug>}, a title and a detail, and no stack trace. Returns the problem.
   */
  static JsonNode assertError(int status, String slug, Reply reply) {
    assertEquals(status, reply.statusCode(), reply.body());
    JsonNode body = reply.json();
    assertEquals("error", body.path("type").asText(), reply.body());
    JsonNode problem = body.path("problem");
    assertEquals("urn:products-api:problem:" + slug, problem.path("type").asText(), reply.body());
    assertEquals(status, problem.path("status").asInt(), reply.body());
    assertFalse(problem.path("title").asText().isEmpty(), reply.body());
    assertFalse(problem.path("detail").asText().isEmpty(), reply.body());
    assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), reply.body());
    return problem;
  }

  /** The fields a validation problem lists. */
  static Set<String> fields(JsonNode problem) {
    Set<String> fields = new TreeSet<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertTrue(!fields.isEmpty(), problem.toString());
    return fields;
  }
}

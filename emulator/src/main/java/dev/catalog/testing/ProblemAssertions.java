package dev.catalog.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Checks that a response is an RFC 9457 problem a client can act on, and that it gives nothing of the server away:
 * no stack frame, no class or package name, no hint about the JSON library, and nothing a UTF-8 encoder would choke
 * on (the Lambda runtime writes the body as UTF-8, where a lone surrogate cannot be written).
 */
public final class ProblemAssertions {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_PREFIX = "urn:products-api:problem:";

  /** Traces of the implementation: exception names, stack frames, Java package names, library settings. */
  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|Throwable|\\tat |\\bat [\\w$]+\\.[\\w$.]+\\("
              + "|\\b(java|javax|jdk|sun|com|org|software|dev|io)\\.[a-z]+\\.|(?i:jackson)|ReadFeature|ReadConstraints"
              + "|`");

  private ProblemAssertions() {}

  /** Asserts a problem with this status and the members every problem has; returns it for further checks. */
  public static JsonNode assertProblem(int status, ApiResult result, String what) {
    assertEquals(status, result.status(), () -> what + ": " + result);
    assertEquals(MEDIA_TYPE, result.header("Content-Type"), () -> what + ": " + result);
    JsonNode problem = result.json();
    assertTrue(problem.path("type").asText().startsWith(TYPE_PREFIX), () -> what + ": " + result);
    assertFalse(problem.path("title").asText().isBlank(), () -> what + ": no title in " + result);
    assertEquals(status, problem.path("status").asInt(), () -> what + ": " + result);
    assertTrue(
        problem.path("status").isInt(), () -> what + ": status must be a JSON number in " + result);
    assertFalse(problem.path("detail").asText().isBlank(), () -> what + ": no detail in " + result);
    assertFalse(
        LEAK.matcher(result.body()).find(),
        () -> what + ": the body shows the implementation: " + result);
    assertFalse(
        hasLoneSurrogate(result.body()),
        () -> what + ": the body holds a lone surrogate: " + result);
    return problem;
  }

  /** Java regexes match by code point, so a surrogate pair never matches and only a lone surrogate does. */
  private static final Pattern LONE_SURROGATE = Pattern.compile("[\\uD800-\\uDFFF]");

  static boolean hasLoneSurrogate(String text) {
    return LONE_SURROGATE.matcher(text).find();
  }
}

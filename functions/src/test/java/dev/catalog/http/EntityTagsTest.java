package dev.catalog.http;

import static dev.catalog.kernel.HttpErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.kernel.HttpError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {
  private static final String ABSENT = null;

  @Test
  void tagOfAVersionIsItsStrongQuotedNumber() {
    assertEquals("\"7\"", EntityTags.of("7"));
    assertEquals("\"9223372036854775807\"", EntityTags.of("9223372036854775807"));
  }

  @Test
  void absentHeadersAlwaysPass() {
    assertTrue(EntityTags.ifMatchPasses(null, "3"));
    assertTrue(EntityTags.ifMatchPasses(null, ABSENT));
    assertTrue(EntityTags.ifNoneMatchPasses(null, "3"));
    assertTrue(EntityTags.ifNoneMatchPasses(null, ABSENT));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"3\"",
        "\"1\", \"3\"",
        "\"3\",\"1\"",
        " \"3\" ",
        "\"1\",\t\"3\"",
        "\"1\",,\"3\"",
        ", \"3\"",
        "\"3\" ,",
        "W/\"3\", \"3\""
      })
  void ifMatchPassesWhenTheCurrentStrongTagIsListed(String header) {
    assertTrue(EntityTags.ifMatchPasses(header, "3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"W/\"3\"", "W/\"1\", W/\"3\""})
  void ifMatchNeverMatchesAWeakTag(String header) {
    assertFalse(EntityTags.ifMatchPasses(header, "3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"4\"", "\"03\"", "\"30\"", "\"\"", "\"1\", \"2\""})
  void ifMatchFailsForAnyOtherTagComparedAsAnOpaqueString(String header) {
    assertFalse(EntityTags.ifMatchPasses(header, "3"));
  }

  @Test
  void ifMatchStarPassesOnlyWhenTheResourceExists() {
    assertTrue(EntityTags.ifMatchPasses("*", "1"));
    assertTrue(EntityTags.ifMatchPasses(" * ", "1"));
    assertFalse(EntityTags.ifMatchPasses("*", ABSENT));
  }

  @Test
  void ifMatchWithATagFailsWhenTheResourceIsAbsent() {
    assertFalse(EntityTags.ifMatchPasses("\"1\"", ABSENT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"3\"", "W/\"3\"", "\"1\", W/\"3\"", "\"1\",,\"3\""})
  void ifNoneMatchFailsWhenAnyTagMatchesByWeakComparison(String header) {
    assertFalse(EntityTags.ifNoneMatchPasses(header, "3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"4\"", "W/\"4\", \"5\"", "\"03\""})
  void ifNoneMatchPassesWhenNoTagMatches(String header) {
    assertTrue(EntityTags.ifNoneMatchPasses(header, "3"));
  }

  @Test
  void ifNoneMatchStarFailsOnlyWhenTheResourceExists() {
    assertFalse(EntityTags.ifNoneMatchPasses("*", "1"));
    assertTrue(EntityTags.ifNoneMatchPasses("*", ABSENT));
  }

  @Test
  void ifNoneMatchWithTagsPassesWhenTheResourceIsAbsent() {
    assertTrue(EntityTags.ifNoneMatchPasses("\"1\", W/\"2\"", ABSENT));
  }

  @Test
  void anEmptyListMatchesNothing() {
    assertFalse(EntityTags.ifMatchPasses("", "1"));
    assertFalse(EntityTags.ifMatchPasses(" , ", "1"));
    assertTrue(EntityTags.ifNoneMatchPasses("", "1"));
  }

  @Test
  void aCommaInsideQuotesBelongsToTheTag() {
    assertFalse(EntityTags.ifMatchPasses("\"a,b\"", "1"));
    assertTrue(EntityTags.ifNoneMatchPasses("\"a,b\", \"2\"", "1"));
  }

  @Test
  void obsTextInATagIsAccepted() {
    assertFalse(EntityTags.ifMatchPasses("\"caf\u00e9\"", "1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3",
        "\"3",
        "3\"",
        "'3'",
        "w/\"3\"",
        "W/3",
        "W/ \"3\"",
        "\"1\" \"2\"",
        "\"1\";",
        "\"a b\"",
        "\"a\"b\"",
        "*, \"1\"",
        "\"1\", *",
        "**",
        "\"\u0001\"",
        "\"\u20ac\"",
        "\"1\" W/\"2\"",
        "W/"
      })
  void malformedHeaderIs400NamingTheHeader(String header) {
    HttpError ifMatch =
        assertProblem(400, "invalid-precondition", () -> EntityTags.ifMatchPasses(header, "3"));
    assertEquals("Invalid If-Match header", ifMatch.title());
    assertTrue(
        ifMatch.detail().startsWith("If-Match must be * or a list of quoted entity tags"),
        ifMatch.detail());
    HttpError ifNoneMatch =
        assertProblem(
            400, "invalid-precondition", () -> EntityTags.ifNoneMatchPasses(header, ABSENT));
    assertEquals("Invalid If-None-Match header", ifNoneMatch.title());
  }
}

package dev.catalog.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.kernel.MergePatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {
  private static final String JSON = "application/json";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "APPLICATION/JSON; CHARSET=UTF-8",
        "Application/Json",
        "application/json; charset=\"utf-8\"",
        "application/json ; charset=utf-8",
        "  application/json  ",
        "application/json; version=2",
        "application/json; charset=utf-8; version=2",
        "application/json;",
        "application/json; ",
        "application/json;;charset=utf-8"
      })
  void jsonWithOptionalUtf8CharsetAndOtherParametersMatches(String contentType) {
    assertTrue(MediaTypes.matches(contentType, JSON));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16",
        "application/json; charset=us-ascii",
        "application/json; charset=utf8",
        "application/json; charset=",
        "application/json; version=2; charset=latin1"
      })
  void anyOtherCharsetIsRefused(String contentType) {
    assertFalse(MediaTypes.matches(contentType, JSON));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/jsonx",
        "application/json-patch+json",
        "application/merge-patch+json",
        "application/problem+json",
        "text/json",
        "text/plain",
        "application/*",
        "*/*",
        "application",
        "",
        "application/ json",
        "application /json",
        "json",
        "application/json,text/plain"
      })
  void anotherMediaTypeIsRefused(String contentType) {
    assertFalse(MediaTypes.matches(contentType, JSON));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json; charset", "application/json; utf-8"})
  void aParameterWithoutAValueIsRefused(String contentType) {
    assertFalse(MediaTypes.matches(contentType, JSON));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"application/merge-patch+json", "Application/Merge-Patch+JSON; charset=utf-8"})
  void mergePatchMatchesItsOwnTypeOnly(String contentType) {
    assertTrue(MediaTypes.matches(contentType, MergePatch.MEDIA_TYPE));
    assertFalse(MediaTypes.matches(contentType, JSON));
  }
}

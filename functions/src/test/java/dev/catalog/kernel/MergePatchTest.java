package dev.catalog.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchTest {
  /** A plain reader: the cases include non-object documents, which {@link Json#readObject} refuses by design. */
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return PLAIN.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** Every example of RFC 7396 Appendix A, in order: original | patch | result. */
  @ParameterizedTest(name = "[{index}] {0} + {1} = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"a\":\"b\"}               | {\"a\":\"c\"}                       | {\"a\":\"c\"}",
        "{\"a\":\"b\"}               | {\"b\":\"c\"}                       | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}               | {\"a\":null}                        | {}",
        "{\"a\":\"b\",\"b\":\"c\"}   | {\"a\":null}                        | {\"b\":\"c\"}",
        "{\"a\":[\"b\"]}             | {\"a\":\"c\"}                       | {\"a\":\"c\"}",
        "{\"a\":\"c\"}               | {\"a\":[\"b\"]}                     | {\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}       | {\"a\":{\"b\":\"d\",\"c\":null}}    | {\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}     | {\"a\":[1]}                         | {\"a\":[1]}",
        "[\"a\",\"b\"]               | [\"c\",\"d\"]                       | [\"c\",\"d\"]",
        "{\"a\":\"b\"}               | [\"c\"]                             | [\"c\"]",
        "{\"a\":\"foo\"}             | null                                | null",
        "{\"a\":\"foo\"}             | \"bar\"                             | \"bar\"",
        "{\"e\":null}                | {\"a\":1}                           | {\"e\":null,\"a\":1}",
        "[1,2]                       | {\"a\":\"b\",\"c\":null}            | {\"a\":\"b\"}",
        "{}                          | {\"a\":{\"bb\":{\"ccc\":null}}}     | {\"a\":{\"bb\":{}}}"
      })
  void rfc7396AppendixAExample(String original, String patch, String result) {
    assertEquals(json(result), MergePatch.merge(json(original), json(patch)));
  }

  @Test
  void anObjectPatchOnAnAbsentTargetBuildsAnObjectWithoutItsNulls() {
    assertEquals(
        json("{\"a\":{\"b\":1}}"), MergePatch.merge(null, json("{\"a\":{\"b\":1,\"c\":null}}")));
  }

  @Test
  void applyChangesTheTargetInPlaceAndReturnsIt() {
    ObjectNode target =
        (ObjectNode) json("{\"name\":\"Lamp\",\"tags\":[\"a\"],\"dims\":{\"w\":1,\"h\":2}}");
    ObjectNode result =
        MergePatch.apply(target, (ObjectNode) json("{\"tags\":[],\"dims\":{\"h\":null,\"d\":3}}"));
    assertSame(target, result);
    assertEquals(json("{\"name\":\"Lamp\",\"tags\":[],\"dims\":{\"w\":1,\"d\":3}}"), target);
  }

  @Test
  void removingAMemberThatIsNotThereChangesNothing() {
    ObjectNode target = (ObjectNode) json("{\"a\":1}");
    assertEquals(json("{\"a\":1}"), MergePatch.apply(target, (ObjectNode) json("{\"zz\":null}")));
  }

  @Test
  void anEmptyPatchChangesNothing() {
    assertEquals(
        json("{\"a\":[1,{\"b\":null}]}"),
        MergePatch.apply((ObjectNode) json("{\"a\":[1,{\"b\":null}]}"), (ObjectNode) json("{}")));
  }

  @Test
  void nullInsideAnArrayIsAValueNotARemoval() {
    assertEquals(
        json("{\"a\":[null,1]}"),
        MergePatch.apply((ObjectNode) json("{\"a\":[0]}"), (ObjectNode) json("{\"a\":[null,1]}")));
  }
}

package dev.catalog.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** JSON Merge Patch, RFC 7396: objects merge member by member, null removes, anything else replaces. */
public final class MergePatch {
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private MergePatch() {}

  /** Applies {@code patch} to {@code target} in place and returns it. */
  public static ObjectNode apply(ObjectNode target, ObjectNode patch) {
    return (ObjectNode) merge(target, patch);
  }

  /**
   * The algorithm of RFC 7396 section 2 for any JSON values (null for an absent target): a patch that is not an
   * object replaces the target, and an object patch turns a target that is not an object into one.
   */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!(patch instanceof ObjectNode members)) {
      return patch;
    }
    ObjectNode result = target instanceof ObjectNode object ? object : Json.newObject();
    for (Map.Entry<String, JsonNode> member : members.properties()) {
      if (member.getValue().isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
      }
    }
    return result;
  }
}

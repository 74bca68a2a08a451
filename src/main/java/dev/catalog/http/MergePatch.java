package dev.catalog.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** JSON Merge Patch, RFC 7396: objects merge member by member, null removes, anything else replaces. */
public final class MergePatch {
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private MergePatch() {}

  /** Applies {@code patch} to {@code target} in place and returns it. */
  public static ObjectNode apply(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      JsonNode value = member.getValue();
      if (value.isNull()) {
        target.remove(member.getKey());
      } else if (value.isObject() && target.get(member.getKey()) instanceof ObjectNode existing) {
        apply(existing, (ObjectNode) value);
      } else if (value.isObject()) {
        target.set(member.getKey(), apply(Json.newObject(), (ObjectNode) value));
      } else {
        target.set(member.getKey(), value);
      }
    }
    return target;
  }
}

package dev.catalog.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Entity tags and the conditional request headers of RFC 9110 section 13. A product's tag is its version,
 * {@code "7"}; tags are strong, so a weak tag ({@code W/"7"}) never satisfies If-Match.
 */
public final class EntityTags {
  private EntityTags() {}

  private record Tag(boolean weak, String opaque) {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /** Whether If-Match passes for a resource at {@code version} (null: absent). No header always passes. */
  public static boolean ifMatchPasses(String header, Long version) {
    if (header == null) {
      return true;
    }
    if (header.strip().equals("*")) {
      return version != null;
    }
    String current = version == null ? null : version.toString();
    return parse("If-Match", header).stream().anyMatch(tag -> !tag.weak() && tag.opaque().equals(current));
  }

  /** Whether If-None-Match passes (no listed tag matches, by weak comparison). No header always passes. */
  public static boolean ifNoneMatchPasses(String header, Long version) {
    if (header == null) {
      return true;
    }
    if (header.strip().equals("*")) {
      return version == null;
    }
    String current = version == null ? null : version.toString();
    return parse("If-None-Match", header).stream().noneMatch(tag -> tag.opaque().equals(current));
  }

  private static List<Tag> parse(String name, String header) {
    List<Tag> tags = new ArrayList<>();
    for (String part : header.split(",")) {
      String tag = part.strip();
      boolean weak = tag.startsWith("W/");
      String quoted = weak ? tag.substring(2) : tag;
      if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")
          || quoted.substring(1, quoted.length() - 1).contains("\"")) {
        throw HttpError.badRequest("invalid-precondition", "Invalid " + name + " header",
            name + " must be * or a list of quoted entity tags such as \"3\"; got " + header + ".");
      }
      tags.add(new Tag(weak, quoted.substring(1, quoted.length() - 1)));
    }
    return tags;
  }
}

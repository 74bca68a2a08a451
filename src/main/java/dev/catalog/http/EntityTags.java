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

  /**
   * Parses {@code #entity-tag} (RFC 9110 sections 5.6.1 and 8.8.3): empty list elements are skipped, as a recipient
   * must, and a tag is {@code [W/]"etagc*"}, where etagc excludes spaces and quotes but not commas.
   */
  private static List<Tag> parse(String name, String header) {
    List<Tag> tags = new ArrayList<>();
    int i = 0;
    while (i < header.length()) {
      char c = header.charAt(i);
      if (c == ' ' || c == '\t' || c == ',') {
        i++;
        continue;
      }
      boolean weak = header.startsWith("W/", i);
      int open = weak ? i + 2 : i;
      int close = open + 1;
      while (close < header.length() && isEtagc(header.charAt(close))) {
        close++;
      }
      if (open >= header.length() || header.charAt(open) != '"' || close >= header.length()
          || header.charAt(close) != '"') {
        throw invalid(name, header);
      }
      tags.add(new Tag(weak, header.substring(open + 1, close)));
      i = close + 1;
      while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
        i++;
      }
      if (i < header.length() && header.charAt(i) != ',') {
        throw invalid(name, header);
      }
    }
    return tags;
  }

  private static boolean isEtagc(char c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
  }

  private static HttpError invalid(String name, String header) {
    return HttpError.badRequest("invalid-precondition", "Invalid " + name + " header",
        name + " must be * or a list of quoted entity tags such as \"3\"; got " + header + ".");
  }
}

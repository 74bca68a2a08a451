package dev.catalog.http;

import dev.catalog.kernel.HttpError;
import java.util.ArrayList;
import java.util.List;

/**
 * Entity tags and the If-Match / If-None-Match header fields of RFC 9110 section 13. A tag's opaque part is chosen by
 * the resource ({@code "7.q83vEjRWeJqrze8SNFZ4mg"}); tags are strong, so a weak tag ({@code W/"7..."}) never satisfies
 * If-Match. {@link Preconditions} decides with these in the RFC's order.
 */
public final class EntityTags {
  private EntityTags() {}

  private record Tag(boolean weak, String opaque) {}

  /** A parsed If-Match or If-None-Match value: {@code *}, or a list of tags (possibly empty). */
  public static final class Condition {
    private final boolean any;
    private final List<Tag> tags;

    private Condition(boolean any, List<Tag> tags) {
      this.any = any;
      this.tags = tags;
    }

    /** Whether the value is {@code *}. */
    public boolean any() {
      return any;
    }

    /**
     * The opaque parts of the listed tags, in order: the strong ones only for If-Match (a weak tag never matches
     * there), all of them for If-None-Match. Lets a resource turn the condition into a check of its own, such as a
     * storage condition, that decides as {@link #matchesStrongly} or {@link #matchesWeakly} would.
     */
    public List<String> opaqueTags(boolean strongOnly) {
      return tags.stream().filter(tag -> !strongOnly || !tag.weak()).map(Tag::opaque).toList();
    }

    /** If-Match: true when the resource exists and {@code *} or a strong tag equal to {@code current} is listed. */
    public boolean matchesStrongly(String current) {
      if (current == null) {
        return false;
      }
      return any || tags.stream().anyMatch(tag -> !tag.weak() && tag.opaque().equals(current));
    }

    /** If-None-Match's negation: true when the resource exists and {@code *} or any tag equal to it is listed. */
    public boolean matchesWeakly(String current) {
      if (current == null) {
        return false;
      }
      return any || tags.stream().anyMatch(tag -> tag.opaque().equals(current));
    }
  }

  /** The header value of the tag with opaque part {@code opaque}: {@code "opaque"}. */
  public static String of(String opaque) {
    return "\"" + opaque + "\"";
  }

  /**
   * Parses the value of If-Match or If-None-Match ({@code name}); null when absent. A malformed value is a 400, whatever
   * the state of the resource.
   */
  public static Condition parse(String name, String header) {
    if (header == null) {
      return null;
    }
    if (header.strip().equals("*")) {
      return new Condition(true, List.of());
    }
    return new Condition(false, tags(name, header));
  }

  /** Whether If-Match passes for a resource whose current tag is {@code current} (null: absent). No header passes. */
  public static boolean ifMatchPasses(String header, String current) {
    return header == null || parse("If-Match", header).matchesStrongly(current);
  }

  /** Whether If-None-Match passes (no listed tag matches, by weak comparison). No header always passes. */
  public static boolean ifNoneMatchPasses(String header, String current) {
    return header == null || !parse("If-None-Match", header).matchesWeakly(current);
  }

  /**
   * Parses {@code #entity-tag} (RFC 9110 sections 5.6.1 and 8.8.3): empty list elements are skipped, as a recipient
   * must, and a tag is {@code [W/]"etagc*"}, where etagc excludes spaces and quotes but not commas.
   */
  private static List<Tag> tags(String name, String header) {
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
      if (open >= header.length()
          || header.charAt(open) != '"'
          || close >= header.length()
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
    return HttpError.badRequest(
        "invalid-precondition",
        "Invalid " + name + " header",
        name + " must be * or a list of quoted entity tags such as \"3\"; got " + header + ".");
  }
}

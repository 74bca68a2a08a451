package dev.catalog.http;

import dev.catalog.kernel.HttpError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The conditional request header fields of a request, evaluated in one place, in the order of RFC 9110 section
 * 13.2.2: If-Match; If-Unmodified-Since only without If-Match; If-None-Match; If-Modified-Since only without
 * If-None-Match and only on GET and HEAD.
 *
 * <p>A malformed If-Match or If-None-Match is a 400 as soon as the request is read, whatever the state of the
 * resource; a date that is not an HTTP-date is ignored, as the RFC requires. Section 13.2.1 says to evaluate only when
 * the response without the conditions would be 2xx or 412, so a route answers 404 for an absent resource before it
 * asks; {@link #evaluate} with a null state is for a route that would create the resource (PUT).
 */
public final class Preconditions {
  /** What the request may do next: go on with its method, or answer 304 Not Modified (GET and HEAD only). */
  public enum Result {
    PROCEED,
    NOT_MODIFIED
  }

  /** The validators of a resource's current state: its entity tag's opaque part, and when it last changed. */
  public record State(String entityTag, Instant lastModified) {}

  private final boolean safe;
  private final EntityTags.Condition ifMatch;
  private final EntityTags.Condition ifNoneMatch;
  private final Instant ifUnmodifiedSince;
  private final Instant ifModifiedSince;

  private Preconditions(
      boolean safe,
      EntityTags.Condition ifMatch,
      EntityTags.Condition ifNoneMatch,
      Instant ifUnmodifiedSince,
      Instant ifModifiedSince) {
    this.safe = safe;
    this.ifMatch = ifMatch;
    this.ifNoneMatch = ifNoneMatch;
    this.ifUnmodifiedSince = ifUnmodifiedSince;
    this.ifModifiedSince = ifModifiedSince;
  }

  /** The request's conditions; a malformed If-Match or If-None-Match is a 400 here. */
  public static Preconditions of(ApiRequest request, Instant now) {
    String method = request.method();
    return of(
        method,
        request.header("If-Match"),
        request.header("If-None-Match"),
        request.header("If-Unmodified-Since"),
        request.header("If-Modified-Since"),
        now);
  }

  /** The conditions of a request with {@code method} and these header values (null: absent). */
  public static Preconditions of(
      String method,
      String ifMatch,
      String ifNoneMatch,
      String ifUnmodifiedSince,
      String ifModifiedSince,
      Instant now) {
    return new Preconditions(
        "GET".equals(method) || "HEAD".equals(method),
        EntityTags.parse("If-Match", ifMatch),
        EntityTags.parse("If-None-Match", ifNoneMatch),
        HttpDate.parse(ifUnmodifiedSince, now),
        HttpDate.parse(ifModifiedSince, now));
  }

  /**
   * Whether any condition applies to this request: when one does and the write it guards loses a race, the answer
   * is 412, since the state the conditions were evaluated on is gone.
   */
  public boolean any() {
    return ifMatch != null
        || ifNoneMatch != null
        || ifUnmodifiedSince != null
        || (safe && ifModifiedSince != null);
  }

  /** If-Match as parsed; null when absent. */
  public EntityTags.Condition ifMatch() {
    return ifMatch;
  }

  /** If-None-Match as parsed; null when absent. */
  public EntityTags.Condition ifNoneMatch() {
    return ifNoneMatch;
  }

  /**
   * If-Unmodified-Since, where it counts: absent, unparseable or beside an If-Match, it is null, as {@link #evaluate}
   * ignores it then. A resource modified after this instant's second fails it.
   */
  public Instant ifUnmodifiedSince() {
    return ifMatch == null ? ifUnmodifiedSince : null;
  }

  /**
   * Evaluates the conditions against {@code current} (null: the resource does not exist yet), in the RFC's order.
   * A false If-Match, If-Unmodified-Since, or (on a method other than GET and HEAD) If-None-Match is a 412.
   */
  public Result evaluate(State current) {
    if (ifMatch != null) {
      if (!ifMatch.matchesStrongly(current == null ? null : current.entityTag())) {
        throw HttpError.preconditionFailed(
            current == null
                ? "The resource does not exist, so If-Match cannot match."
                : "The current ETag is "
                    + EntityTags.of(current.entityTag())
                    + ", which If-Match does not list.");
      }
    } else if (ifUnmodifiedSince != null
        && dated(current)
        && modifiedAfter(current, ifUnmodifiedSince)) {
      throw HttpError.preconditionFailed(
          "The resource was modified after the If-Unmodified-Since date; it was last "
              + "modified "
              + HttpDate.format(current.lastModified())
              + ".");
    }
    if (ifNoneMatch != null) {
      if (ifNoneMatch.matchesWeakly(current == null ? null : current.entityTag())) {
        if (safe) {
          return Result.NOT_MODIFIED;
        }
        throw HttpError.preconditionFailed(
            "If-None-Match: the resource exists at ETag "
                + EntityTags.of(current.entityTag())
                + ".");
      }
    } else if (safe
        && ifModifiedSince != null
        && dated(current)
        && !modifiedAfter(current, ifModifiedSince)) {
      return Result.NOT_MODIFIED;
    }
    return Result.PROCEED;
  }

  /** A date condition is ignored when the resource has no modification date (section 13.1.3, 13.1.4). */
  private static boolean dated(State state) {
    return state != null && state.lastModified() != null;
  }

  /** HTTP-dates have whole seconds, so the resource's time is compared at that precision. */
  private static boolean modifiedAfter(State state, Instant date) {
    return state.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(date);
  }
}

package dev.catalog.kernel;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a failed request is answered, whatever carries the answer back: the members of an RFC 9457 problem (a REST
 * function's {@code application/problem+json} body, the {@code problem} of a feed function's error reply), the
 * headers that go with it where the transport has headers ({@code Retry-After}, {@code WWW-Authenticate}...), and
 * the kind of failure it answers. {@link Failures#answer} makes one of any failure.
 *
 * @param errors the failing fields of a validation problem; empty otherwise
 * @param requestId the request id a fault's problem quotes; null otherwise
 */
public record Problem(
    Kind kind,
    int status,
    String type,
    String title,
    String detail,
    List<HttpError.FieldError> errors,
    Map<String, String> headers,
    String requestId) {
  /** Problem types are URNs documented in docs/contract.md; they are identifiers, not links. */
  public static final String TYPE_PREFIX = "urn:products-api:problem:";

  /** The type of a 500: a failure the client did not cause. */
  public static final String INTERNAL_ERROR = TYPE_PREFIX + "internal-error";

  /** What kind of failure a problem answers, which says whether and how it is logged. */
  public enum Kind {
    /** The client's error (a 4xx): answered, never logged. */
    CLIENT,
    /** A dependency failed past its retries (a 503): a retry can get past it; logged as one warning line. */
    UNAVAILABLE,
    /** A fault of ours (a 500): logged with its stack trace; the problem says only the request id. */
    FAULT
  }

  public Problem {
    errors = List.copyOf(errors);
    headers = Map.copyOf(headers);
  }

  /** The 500 for a fault in the request {@code requestId}, which its detail quotes. */
  static Problem fault(String requestId) {
    return new Problem(
        Kind.FAULT,
        500,
        INTERNAL_ERROR,
        "Internal server error",
        "The server could not complete the request. Quote request id "
            + requestId
            + " when reporting it.",
        List.of(),
        Map.of(),
        requestId);
  }

  /** The problem's type without {@link #TYPE_PREFIX}, e.g. {@code storage-throttled}. */
  public String slug() {
    return type.substring(TYPE_PREFIX.length());
  }

  /** The problem object as JSON text, e.g. a response body; {@code instance} is left out when null. */
  public String toJson(String instance) {
    return Json.text(json -> write(json, instance));
  }

  /** Writes the problem object to {@code json}, where a body carries it inside another object (a feed reply). */
  public void write(JsonGenerator json, String instance) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", type);
    json.writeStringField("title", title);
    json.writeNumberField("status", status);
    json.writeStringField("detail", detail);
    if (instance != null) {
      json.writeStringField("instance", instance);
    }
    if (requestId != null) {
      json.writeStringField("requestId", requestId);
    }
    if (!errors.isEmpty()) {
      json.writeArrayFieldStart("errors");
      for (HttpError.FieldError fieldError : errors) {
        json.writeStartObject();
        json.writeStringField("field", fieldError.field());
        json.writeStringField("message", fieldError.message());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }
}

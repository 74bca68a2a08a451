package dev.catalog.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalog.kernel.HttpError;
import dev.catalog.kernel.Json;
import dev.catalog.kernel.Log;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Renders errors as RFC 9457 problem details. The one place that turns an exception into a response: a client error
 * keeps its status and fields; a DynamoDB failure a retry can get past becomes a 503; anything else becomes a 500 whose body carries only the request id, which the log line
 * for the failure carries too.
 */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The type of a 500: a failure the client did not cause. */
  public static final String INTERNAL_ERROR = HttpError.TYPE_PREFIX + "internal-error";

  private Problems() {}

  public static ApiResponse render(HttpError error, String instance) {
    ApiResponse response = ApiResponse.status(error.status())
        .header("Content-Type", MEDIA_TYPE)
        .body(write(error.type(), error.title(), error.status(), error.detail(), instance, error.errors(), null));
    error.headers().forEach(response::header);
    return response;
  }

  /**
   * A DynamoDB failure that outlasted the SDK's retries, as the 503 problem a retry can get past
   * ({@link UpstreamFailures}), logged as one line without stack trace; null for any other failure, which is a 500.
   */
  public static HttpError unavailable(SdkException failure, String requestId) {
    HttpError unavailable = UpstreamFailures.classify(failure);
    if (unavailable != null) {
      Log.warning("DynamoDB failed after " + failure.numAttempts() + " attempts; answered " + unavailable.status()
          + " " + unavailable.type().substring(HttpError.TYPE_PREFIX.length()), requestId, failure);
    }
    return unavailable;
  }

  /** A 500 for a failure the client did not cause; the stack trace goes to the log, never to the client. */
  public static ApiResponse unexpected(Throwable failure, String requestId, String instance) {
    Log.error("Unexpected failure", requestId, failure);
    String detail = unexpectedDetail(requestId);
    return ApiResponse.status(500)
        .header("Content-Type", MEDIA_TYPE)
        .body(write(INTERNAL_ERROR, "Internal server error", 500, detail, instance, List.of(),
            requestId));
  }

  private static String write(String type, String title, int status, String detail, String instance,
      List<HttpError.FieldError> errors, String requestId) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = Json.generator(out)) {
      write(json, type, title, status, detail, instance, errors, requestId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the problem object of {@code error} to {@code json}, as a response body has it: for bodies that carry a
   * problem inside another object (the live feed's error messages).
   */
  public static void write(JsonGenerator json, HttpError error, String instance) throws IOException {
    write(json, error.type(), error.title(), error.status(), error.detail(), instance, error.errors(), null);
  }

  /** Writes the problem object of an unexpected failure, its detail quoting the request id. */
  public static void writeUnexpected(JsonGenerator json, String requestId, String instance) throws IOException {
    write(json, INTERNAL_ERROR, "Internal server error", 500, unexpectedDetail(requestId), instance, List.of(),
        requestId);
  }

  private static String unexpectedDetail(String requestId) {
    return "The server could not complete the request. Quote request id " + requestId + " when reporting it.";
  }

  private static void write(JsonGenerator json, String type, String title, int status, String detail,
      String instance, List<HttpError.FieldError> errors, String requestId) throws IOException {
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

package dev.catalog.feed;

import dev.catalog.kernel.Json;
import dev.catalog.kernel.Problem;
import java.util.List;

/**
 * What a feed function answers: a status (on {@code $connect}, anything but 2xx refuses the connection) and the body
 * the route response sends the client. Errors are {@code {"type":"error","problem":{...}}}, the problem as the REST
 * API writes it (RFC 9457 members), so a client parses one error format on both APIs.
 */
public record FeedReply(int status, String body) {
  static FeedReply ok() {
    return new FeedReply(200, null);
  }

  /** The acknowledgement of a subscribe or unsubscribe: what the message changed, normalized as stored. */
  static FeedReply acknowledged(String type, List<String> categories, boolean all) {
    return new FeedReply(
        200,
        Json.text(
            json -> {
              json.writeStartObject();
              json.writeStringField("type", type);
              json.writeArrayFieldStart("categories");
              for (String category : categories) {
                json.writeString(category);
              }
              json.writeEndArray();
              json.writeBooleanField("all", all);
              json.writeEndObject();
            }));
  }

  /** The error reply answering {@code problem}: its status, and the problem with the route key as instance. */
  static FeedReply error(Problem problem, String routeKey) {
    return new FeedReply(
        problem.status(),
        Json.text(
            json -> {
              json.writeStartObject();
              json.writeStringField("type", "error");
              json.writeFieldName("problem");
              problem.write(json, routeKey);
              json.writeEndObject();
            }));
  }
}

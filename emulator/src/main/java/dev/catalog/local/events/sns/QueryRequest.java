package dev.catalog.local.events.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one request in the AWS Query protocol, as the SDK sends them (a form-encoded POST body, or a
 * query string): flat names, with lists and maps spelled out, e.g. {@code MessageAttributes.entry.1.Name} and
 * {@code PublishBatchRequestEntries.member.2.Message}.
 */
final class QueryRequest {
  private final Map<String, String> parameters;

  private QueryRequest(Map<String, String> parameters) {
    this.parameters = parameters;
  }

  /** Reads {@code a=1&b=2}; a name given twice keeps its last value, as AWS does. */
  static QueryRequest parse(String form) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (form != null && !form.isEmpty()) {
      for (String pair : form.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        parameters.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    return new QueryRequest(parameters);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw SnsError.invalidParameter("the request is not form-encoded correctly");
    }
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  String require(String name) {
    String value = parameters.get(name);
    if (value == null) {
      throw new SnsError(
          "ValidationError",
          400,
          "1 validation error detected: Value null at '"
              + Character.toLowerCase(name.charAt(0))
              + name.substring(1)
              + "' failed to satisfy constraint: Member must"
              + " not be null");
    }
    return value;
  }

  /** The parameters under {@code prefix.N.} for N = 1, 2, ... until one is missing, each as a request of its own. */
  List<QueryRequest> members(String prefix) {
    List<QueryRequest> members = new ArrayList<>();
    for (int n = 1; ; n++) {
      String start = prefix + "." + n + ".";
      Map<String, String> member = new LinkedHashMap<>();
      parameters.forEach(
          (name, value) -> {
            if (name.startsWith(start)) {
              member.put(name.substring(start.length()), value);
            }
          });
      if (member.isEmpty()) {
        return members;
      }
      members.add(new QueryRequest(member));
    }
  }
}

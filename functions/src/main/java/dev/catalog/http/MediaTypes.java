package dev.catalog.http;

import java.util.Locale;

/** Content-Type matching per RFC 9110: case-insensitive type and subtype, and a charset, if any, that is UTF-8. */
final class MediaTypes {
  private MediaTypes() {}

  static boolean matches(String contentType, String expected) {
    String[] parts = contentType.split(";");
    if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(expected)) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.isEmpty()) {
        continue; // RFC 9110 section 8.3.1 allows empty parameters: "application/json; " or
        // ";;charset=utf-8"
      }
      int equals = parameter.indexOf('=');
      if (equals < 0) {
        return false;
      }
      String name = parameter.substring(0, equals).strip();
      String value = parameter.substring(equals + 1).strip().replace("\"", "");
      if (name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
        return false;
      }
    }
    return true;
  }
}

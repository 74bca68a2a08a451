package dev.catalog.local.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local tool's line per request it hands a function (a REST request, a WebSocket route, a stream batch), the
 * access log of its event sources. Each source reports an {@link Entry}, words for a person and the same facts as
 * fields; {@link LocalConsole} chooses how it is written: as the words ({@code -Dlocal.logs=text}), or as one JSON
 * object among the functions' own JSON lines ({@code -Dlocal.logs=json}).
 */
@FunctionalInterface
public interface RequestLog {
  /** No line per request. */
  RequestLog NONE = entry -> {};

  void write(Entry entry);

  /**
   * One request.
   *
   * @param source the event source, e.g. {@code local API}: the text line's prefix, the JSON line's {@code source}
   * @param text the line for a person, after the prefix
   * @param fields the same facts for a program: strings, numbers, booleans, in order
   */
  record Entry(String source, String text, Map<String, Object> fields) {
    /** An entry whose fields are given as name, value, name, value... */
    public static Entry of(String source, String text, Object... fields) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < fields.length; i += 2) {
        map.put((String) fields[i], fields[i + 1]);
      }
      return new Entry(source, text, map);
    }
  }

  /** {@code [source] text}, one line each. */
  static RequestLog text(PrintStream out) {
    return entry -> out.println("[" + entry.source() + "] " + entry.text());
  }

  /**
   * One JSON object per line: {@code timestamp} (RFC 3339, milliseconds), {@code level} {@code INFO}, {@code message}
   * {@code request}, {@code source}, then the entry's fields; a line a log processor reads as it reads the functions'.
   */
  static RequestLog json(PrintStream out) {
    return entry -> {
      ObjectNode line = JsonNodeFactory.instance.objectNode();
      line.put("timestamp", Instant.ofEpochMilli(System.currentTimeMillis()).toString());
      line.put("level", "INFO");
      line.put("message", "request");
      line.put("source", entry.source());
      entry
          .fields()
          .forEach(
              (name, value) -> {
                switch (value) {
                  case null -> line.putNull(name);
                  case Integer number -> line.put(name, number);
                  case Long number -> line.put(name, number);
                  case Double number -> line.put(name, number);
                  case Boolean flag -> line.put(name, flag);
                  default -> line.put(name, value.toString());
                }
              });
      out.println(line);
    };
  }
}

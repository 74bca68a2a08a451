package dev.catalog.local.events.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.CapturedConsole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The events the fixture functions logged on the console, one JSON line each after a prefix. */
final class SocketEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CapturedConsole console;

  SocketEvents(CapturedConsole console) {
    this.console = console;
  }

  /** Every event logged so far after {@code prefix}. */
  List<JsonNode> all(String prefix) {
    return console.lines().stream()
        .filter(line -> line.startsWith(prefix))
        .map(line -> read(line.substring(prefix.length())))
        .toList();
  }

  /** The first event after {@code prefix} that matches, once it is logged (an event may follow its effect). */
  JsonNode await(String prefix, Predicate<JsonNode> matching) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    do {
      for (JsonNode event : all(prefix)) {
        if (matching.test(event)) {
          return event;
        }
      }
      Thread.sleep(10);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no such event was logged; the console:\n" + console.text());
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

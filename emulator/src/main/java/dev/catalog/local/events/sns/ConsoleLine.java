package dev.catalog.local.events.sns;

import java.util.stream.Collectors;

/**
 * A published message as one console line: topic, message id, publisher, subject, attributes, then the body, with
 * line breaks escaped so that one message is always one line, e.g.
 * {@code [SNS] ProductEventsTopic 1f0c… from ProductEventsFunction {eventType=String:created,
 * category=String:lighting} {"eventId":…}}.
 */
final class ConsoleLine {
  private ConsoleLine() {}

  static String of(Topic topic, PublishedMessage message) {
    StringBuilder line =
        new StringBuilder("[SNS] ")
            .append(topic.logicalId())
            .append(' ')
            .append(message.messageId())
            .append(" from ")
            .append(message.publisher());
    if (message.subject() != null) {
      line.append(" subject ").append(oneLine(message.subject()));
    }
    line.append(' ')
        .append(
            message.attributes().entrySet().stream()
                .map(
                    entry ->
                        entry.getKey()
                            + "="
                            + entry.getValue().dataType()
                            + ":"
                            + oneLine(entry.getValue().value()))
                .collect(Collectors.joining(", ", "{", "}")));
    return line.append(' ').append(oneLine(message.message())).toString();
  }

  private static String oneLine(String text) {
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
  }
}

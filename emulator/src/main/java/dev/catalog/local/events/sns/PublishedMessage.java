package dev.catalog.local.events.sns;

import java.time.Instant;
import java.util.Map;

/**
 * A message the local SNS endpoint accepted, kept for the console and for tests.
 *
 * @param messageId the id SNS answered with
 * @param topicArn the topic it was published to
 * @param publisher the caller's access key id: a function's logical id
 * @param subject the Subject, or null
 * @param message the body as published
 * @param attributes by name, in the order they were sent
 * @param publishedAt when it was accepted
 */
public record PublishedMessage(
    String messageId,
    String topicArn,
    String publisher,
    String subject,
    String message,
    Map<String, MessageAttribute> attributes,
    Instant publishedAt) {

  /** The topic's name, the last part of its ARN. */
  public String topicName() {
    return topicArn.substring(topicArn.lastIndexOf(':') + 1);
  }

  /** An attribute's value as text ({@link MessageAttribute#value()}), or null when the message has none of that name. */
  public String attribute(String name) {
    MessageAttribute attribute = attributes.get(name);
    return attribute == null ? null : attribute.value();
  }
}

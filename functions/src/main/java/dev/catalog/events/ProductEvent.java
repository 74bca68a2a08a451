package dev.catalog.events;

import java.util.Map;

/**
 * One message for the product events topic.
 *
 * @param eventId the event's id, in the body and as the {@code eventId} attribute: the same on every retry of the
 *     stream record it comes from, so a subscriber drops a duplicate by it
 * @param type {@code created}, {@code updated}, {@code deleted} or {@code low-stock}
 * @param body the message: the event as JSON
 * @param subject the e-mail subject, or null
 * @param strings the String message attributes
 * @param numbers the Number message attributes
 */
public record ProductEvent(
    String eventId,
    String type,
    String body,
    String subject,
    Map<String, String> strings,
    Map<String, String> numbers) {

  public ProductEvent {
    strings = Map.copyOf(strings);
    numbers = Map.copyOf(numbers);
  }
}

package dev.catalog.local.events.schedule;

import java.time.Duration;

/**
 * One scheduled event source of the template: a function's {@code Schedule} or {@code ScheduleV2} event.
 *
 * @param function the function's logical id
 * @param event the event's name under the function's {@code Events}, e.g. {@code EveryMinute}
 * @param expression the schedule as written, e.g. {@code rate(1 minute)}
 * @param rate how often it fires
 */
public record ScheduleSource(String function, String event, String expression, Duration rate) {
  /** The rule's logical id as SAM names it: the function's and the event's. */
  public String ruleId() {
    return function + event;
  }
}

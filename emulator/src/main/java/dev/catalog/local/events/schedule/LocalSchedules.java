package dev.catalog.local.events.schedule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.events.stream.FunctionInvoker;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The template's schedules run as EventBridge runs them: each source's function invoked at its rate with the event an
 * EventBridge rule sends ({@code detail-type} {@code Scheduled Event}, {@code source} {@code aws.events}, the rule's
 * ARN in {@code resources}), the first time one period after the start. The function runs with its template identity
 * and environment, its calls checked by the local IAM as any other. A failed invocation is told on the console and
 * not retried: the next period runs it again. One invocation of a source at a time: a run that outlasts its period
 * delays the next, as a function limited to one instance would.
 *
 * <p>{@link #every} runs every source at one period of its own instead, for tests that cannot wait a minute.
 */
public final class LocalSchedules implements AutoCloseable {
  private final ScheduledExecutorService timer;

  private LocalSchedules(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Starts {@code sources} at their own rates. */
  public static LocalSchedules start(
      List<ScheduleSource> sources,
      FunctionInvoker functions,
      String region,
      String accountId,
      PrintStream console,
      Clock clock) {
    return start(sources, null, functions, region, accountId, console, clock);
  }

  /** Starts {@code sources}, each every {@code period} (null: at its own rate). */
  public static LocalSchedules every(
      Duration period,
      List<ScheduleSource> sources,
      FunctionInvoker functions,
      String region,
      String accountId,
      PrintStream console,
      Clock clock) {
    return start(sources, period, functions, region, accountId, console, clock);
  }

  private static LocalSchedules start(
      List<ScheduleSource> sources,
      Duration period,
      FunctionInvoker functions,
      String region,
      String accountId,
      PrintStream console,
      Clock clock) {
    ScheduledExecutorService timer =
        Executors.newScheduledThreadPool(
            Math.max(1, sources.size()),
            Thread.ofPlatform().name("schedule-", 0).daemon().factory());
    for (ScheduleSource source : sources) {
      long millis = (period != null ? period : source.rate()).toMillis();
      timer.scheduleWithFixedDelay(
          () -> fire(source, functions, region, accountId, console, clock),
          millis,
          millis,
          TimeUnit.MILLISECONDS);
    }
    return new LocalSchedules(timer);
  }

  private static void fire(
      ScheduleSource source,
      FunctionInvoker functions,
      String region,
      String accountId,
      PrintStream console,
      Clock clock) {
    try {
      switch (functions.invoke(
          source.function(), event(source, region, accountId, clock.instant()))) {
        case FunctionInvoker.Returned returned -> {}
        case FunctionInvoker.Failed failed ->
            console.println(
                "["
                    + source.function()
                    + "] the scheduled invocation by "
                    + source.ruleId()
                    + " failed: "
                    + failed.error());
        case FunctionInvoker.TimedOut timedOut ->
            console.println(
                "["
                    + source.function()
                    + "] the scheduled invocation by "
                    + source.ruleId()
                    + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      console.println(
          "[" + source.function() + "] the scheduled invocation could not be made: " + e);
    }
  }

  /** The event an EventBridge rule sends its target on schedule. */
  static byte[] event(ScheduleSource source, String region, String accountId, Instant now) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", accountId);
    event.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", region);
    event
        .putArray("resources")
        .add("arn:aws:events:" + region + ":" + accountId + ":rule/" + source.ruleId());
    event.putObject("detail");
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Stops the schedules; an invocation under way is interrupted. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

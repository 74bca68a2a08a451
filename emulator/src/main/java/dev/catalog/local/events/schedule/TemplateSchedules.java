package dev.catalog.local.events.schedule;

import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's scheduled event sources, the one place the local tool lists them: every {@code Type: Schedule}
 * (an EventBridge rule) and {@code Type: ScheduleV2} (EventBridge Scheduler) event of an
 * {@code AWS::Serverless::Function}, its expression resolved to a local value. Only {@code rate(...)} expressions are
 * emulated; a {@code cron(...)} or {@code at(...)} expression stops the reading with a message naming the event,
 * rather than be silently never run. A schedule that is disabled ({@code Enabled: false}, {@code State: DISABLED}) is
 * left out, as it never fires.
 */
public final class TemplateSchedules {
  private static final Pattern RATE =
      Pattern.compile("rate\\(\\s*([1-9][0-9]*)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

  private TemplateSchedules() {}

  /** In template order. */
  public static List<ScheduleSource> read(SamTemplate template, IntrinsicResolver resolver) {
    List<ScheduleSource> sources = new ArrayList<>();
    for (Resource resource : template.resources().values()) {
      if (!resource.type().equals(Resource.FUNCTION)
          || !(resource.properties().get("Events") instanceof Map<?, ?> events)) {
        continue;
      }
      events.forEach(
          (name, declared) -> {
            if (declared instanceof Map<?, ?> event
                && ("Schedule".equals(event.get("Type"))
                    || "ScheduleV2".equals(event.get("Type")))) {
              String where = resource.logicalId() + " Events." + name;
              Object resolved = resolver.resolve(event.get("Properties"), where + ".Properties");
              Map<?, ?> properties = resolved instanceof Map<?, ?> map ? map : Map.of();
              if (enabled(properties)) {
                String key =
                    "Schedule".equals(event.get("Type")) ? "Schedule" : "ScheduleExpression";
                String expression = String.valueOf(properties.get(key)).strip();
                sources.add(
                    new ScheduleSource(
                        resource.logicalId(),
                        String.valueOf(name),
                        expression,
                        rate(template, where + ".Properties." + key, expression)));
              }
            }
          });
    }
    return sources;
  }

  private static boolean enabled(Map<?, ?> properties) {
    return !Boolean.FALSE.equals(properties.get("Enabled"))
        && !"false".equals(String.valueOf(properties.get("Enabled")))
        && !"DISABLED".equals(properties.get("State"));
  }

  /** The period of a {@code rate(N unit)} expression, as EventBridge reads it. */
  static Duration rate(SamTemplate template, String where, String expression) {
    Matcher rate = RATE.matcher(expression);
    if (!rate.matches()) {
      throw new TemplateException(
          template.source()
              + ": "
              + where
              + ": "
              + expression
              + " is not emulated locally; only rate(N minute|minutes|hour|hours|day|days) expressions are");
    }
    long n = Long.parseLong(rate.group(1));
    if (n == 1 != !rate.group(2).endsWith("s")) {
      throw new TemplateException(
          template.source()
              + ": "
              + where
              + ": "
              + expression
              + " is refused by EventBridge: the unit is singular for 1 and plural otherwise");
    }
    return switch (rate.group(2).replaceAll("s$", "")) {
      case "minute" -> Duration.ofMinutes(n);
      case "hour" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}

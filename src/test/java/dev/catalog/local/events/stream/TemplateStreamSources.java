package dev.catalog.local.events.stream;

import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's DynamoDB stream consumers: every {@code Type: DynamoDB} event of an {@code AWS::Serverless::Function},
 * its properties resolved to local values and checked against Lambda's ranges. Properties whose effect is not
 * emulated and would change what the function receives ({@code FilterCriteria}, {@code TumblingWindowInSeconds})
 * stop the reading with a message naming the function, rather than be silently ignored.
 */
public final class TemplateStreamSources {
  private static final Pattern STREAM_ARN = Pattern.compile("arn:aws:dynamodb:[^:]*:[^:]*:table/([^/]+)/stream/.+");
  private static final Set<String> NOT_EMULATED = Set.of("FilterCriteria", "TumblingWindowInSeconds",
      "StartingPositionTimestamp", "KmsKeyArn", "MetricsConfig");

  private TemplateStreamSources() {}

  /** In template order. */
  public static List<StreamEventSource> read(SamTemplate template, IntrinsicResolver resolver) {
    List<StreamEventSource> sources = new ArrayList<>();
    for (Resource resource : template.resources().values()) {
      if (!resource.type().equals(Resource.FUNCTION) || !(resource.properties().get("Events") instanceof Map<?, ?> events)) {
        continue;
      }
      events.forEach((name, declared) -> {
        if (declared instanceof Map<?, ?> event && "DynamoDB".equals(event.get("Type"))) {
          String where = resource.logicalId() + " Events." + name;
          Object resolved = resolver.resolve(event.get("Properties"), where + ".Properties");
          sources.add(source(template, resolver, resource.logicalId(), String.valueOf(name), where,
              resolved instanceof Map<?, ?> map ? map : Map.of()));
        }
      });
    }
    return sources;
  }

  private static StreamEventSource source(SamTemplate template, IntrinsicResolver resolver, String function,
      String event, String where, Map<?, ?> properties) {
    for (String key : NOT_EMULATED) {
      if (properties.containsKey(key)) {
        throw fail(template, where, key + " is not emulated by the local stream poller");
      }
    }
    Matcher stream = STREAM_ARN.matcher(String.valueOf(properties.get("Stream")));
    if (!stream.matches()) {
      throw fail(template, where, "Stream must be a DynamoDB table's stream ARN (!GetAtt Table.StreamArn), found "
          + properties.get("Stream"));
    }
    String position = String.valueOf(properties.get("StartingPosition"));
    if (!position.equals("TRIM_HORIZON") && !position.equals("LATEST")) {
      throw fail(template, where, "StartingPosition must be TRIM_HORIZON or LATEST, found " + position);
    }
    int age = number(template, where, properties, "MaximumRecordAgeInSeconds", -1, -1, 604_800);
    if (age >= 0 && age < 60) {
      throw fail(template, where, "MaximumRecordAgeInSeconds must be -1 or from 60 to 604800, found " + age);
    }
    Object responseTypes = properties.get("FunctionResponseTypes");
    boolean report = responseTypes instanceof List<?> types && types.contains("ReportBatchItemFailures");
    Object destination = properties.get("DestinationConfig") instanceof Map<?, ?> config
        && config.get("OnFailure") instanceof Map<?, ?> onFailure ? onFailure.get("Destination") : null;
    String table = template.tables().keySet().stream().filter(id -> resolver.physicalName(id).equals(stream.group(1)))
        .findFirst().orElseThrow(() -> fail(template, where, "Stream names no table of the template"));
    return new StreamEventSource(function, event, table, stream.group(1), position,
        number(template, where, properties, "BatchSize", 100, 1, 10_000),
        Duration.ofSeconds(number(template, where, properties, "MaximumBatchingWindowInSeconds", 0, 0, 300)), report,
        flag(properties, "BisectBatchOnFunctionError", false),
        number(template, where, properties, "MaximumRetryAttempts", -1, -1, 10_000), age,
        destination == null ? null : destination.toString(),
        flag(properties, "Enabled", true));
  }

  private static boolean flag(Map<?, ?> properties, String key, boolean fallback) {
    Object value = properties.get(key);
    return value == null ? fallback : Boolean.parseBoolean(value.toString());
  }

  private static int number(SamTemplate template, String where, Map<?, ?> properties, String key, int fallback,
      int min, int max) {
    Object value = properties.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.toString());
      if (number < min || number > max) {
        throw fail(template, where, key + " must be from " + min + " to " + max + ", found " + number);
      }
      return number;
    } catch (NumberFormatException e) {
      throw fail(template, where, key + " must be a whole number, found " + value);
    }
  }

  private static TemplateException fail(SamTemplate template, String where, String problem) {
    return new TemplateException(template.source() + ": " + where + ": " + problem);
  }
}

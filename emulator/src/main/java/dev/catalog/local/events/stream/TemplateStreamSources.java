package dev.catalog.local.events.stream;

import dev.catalog.template.Intrinsic;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's DynamoDB stream consumers, the one place the local tool lists them: every
 * {@code AWS::Lambda::EventSourceMapping} whose {@code EventSourceArn} is a table's stream, and every
 * {@code Type: DynamoDB} event of an {@code AWS::Serverless::Function}, which SAM expands into the same mapping
 * (named {@code <Function><Event>}). Their properties are resolved to local values and checked against Lambda's
 * ranges; a mapping's {@code FunctionName} (a name, an ARN, {@code !Ref Function.Alias}, ...) to the function of the
 * template it invokes. Properties whose effect is not emulated and would change what the function receives
 * ({@code FilterCriteria}, {@code TumblingWindowInSeconds}) stop the reading with a message naming the mapping,
 * rather than be silently ignored. Mappings of other event sources (SQS, Kinesis, ...) are not read.
 */
public final class TemplateStreamSources {
  static final String MAPPING = "AWS::Lambda::EventSourceMapping";
  private static final Pattern STREAM_ARN =
      Pattern.compile("arn:aws:dynamodb:[^:]*:[^:]*:table/([^/]+)/stream/.+");
  private static final Pattern FUNCTION_ARN =
      Pattern.compile("arn:aws:lambda:[^:]*:[^:]*:function:([^:]+)(:.+)?");
  private static final Pattern DESTINATION_ARN =
      Pattern.compile("arn:aws:(sqs|sns):[^:]*:[^:]*:[^:/]+");
  private static final Set<String> NOT_EMULATED =
      Set.of(
          "FilterCriteria",
          "TumblingWindowInSeconds",
          "StartingPositionTimestamp",
          "KmsKeyArn",
          "MetricsConfig");

  private TemplateStreamSources() {}

  /** In template order. */
  public static List<StreamEventSource> read(SamTemplate template, IntrinsicResolver resolver) {
    List<StreamEventSource> sources = new ArrayList<>();
    for (Resource resource : template.resources().values()) {
      if (resource.type().equals(MAPPING)) {
        mapping(template, resolver, resource).ifPresent(sources::add);
      } else if (resource.type().equals(Resource.FUNCTION)
          && resource.properties().get("Events") instanceof Map<?, ?> events) {
        events.forEach(
            (name, declared) -> {
              if (declared instanceof Map<?, ?> event && "DynamoDB".equals(event.get("Type"))) {
                String where = resource.logicalId() + " Events." + name;
                Object resolved = resolver.resolve(event.get("Properties"), where + ".Properties");
                sources.add(
                    source(
                        template,
                        resolver,
                        resource.logicalId(),
                        resource.logicalId() + name,
                        where,
                        resolved instanceof Map<?, ?> map ? map : Map.of(),
                        "Stream"));
              }
            });
      }
    }
    return sources;
  }

  /** The mapping's source, when it reads a DynamoDB stream. */
  private static Optional<StreamEventSource> mapping(
      SamTemplate template, IntrinsicResolver resolver, Resource mapping) {
    String where = mapping.logicalId();
    Object declared = resolver.resolve(mapping.properties(), where);
    Map<?, ?> properties = declared instanceof Map<?, ?> map ? map : Map.of();
    String eventSource = String.valueOf(properties.get("EventSourceArn"));
    if (!eventSource.startsWith("arn:aws:dynamodb:")) {
      return Optional.empty();
    }
    if (properties.get("DestinationConfig") instanceof Map<?, ?> config
        && config.get("OnFailure") instanceof Map<?, ?> onFailure
        && onFailure.containsKey("Type")) {
      throw fail(
          template,
          where,
          "DestinationConfig.OnFailure.Type is a property of SAM's events, not of "
              + MAPPING
              + " (CloudFormation refuses it): name the Destination only");
    }
    String function =
        function(
            template,
            resolver,
            where,
            mapping.properties().get("FunctionName"),
            properties.get("FunctionName"));
    return Optional.of(
        source(
            template,
            resolver,
            function,
            mapping.logicalId(),
            where,
            properties,
            "EventSourceArn"));
  }

  /**
   * The function {@code FunctionName} names: {@code !Ref F}, {@code !Ref F.Alias}, {@code !GetAtt F.Arn}, or the
   * function's name or ARN as text, with or without a qualifier (an alias or version).
   */
  private static String function(
      SamTemplate template,
      IntrinsicResolver resolver,
      String where,
      Object declared,
      Object resolved) {
    if (declared instanceof Intrinsic intrinsic) {
      String target =
          intrinsic.function().equals(Intrinsic.REF)
              ? String.valueOf(intrinsic.argument())
              : intrinsic.function().equals(Intrinsic.GET_ATT)
                      && intrinsic.argument() instanceof List<?> parts
                      && !parts.isEmpty()
                  ? String.valueOf(parts.getFirst())
                  : "";
      String id =
          target.endsWith(".Alias")
              ? target.substring(0, target.length() - ".Alias".length())
              : target;
      if (template.functions().containsKey(id)) {
        return id;
      }
    }
    String name = String.valueOf(resolved);
    Matcher arn = FUNCTION_ARN.matcher(name);
    String unqualified =
        arn.matches()
            ? arn.group(1)
            : name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    return template.functions().keySet().stream()
        .filter(id -> resolver.physicalName(id).equals(unqualified))
        .findFirst()
        .orElseThrow(
            () ->
                fail(
                    template,
                    where,
                    "FunctionName "
                        + name
                        + " names no "
                        + Resource.FUNCTION
                        + " of the template"));
  }

  private static StreamEventSource source(
      SamTemplate template,
      IntrinsicResolver resolver,
      String function,
      String mapping,
      String where,
      Map<?, ?> properties,
      String streamKey) {
    for (String key : NOT_EMULATED) {
      if (properties.containsKey(key)) {
        throw fail(template, where, key + " is not emulated by the local stream poller");
      }
    }
    String streamArn = String.valueOf(properties.get(streamKey));
    Matcher stream = STREAM_ARN.matcher(streamArn);
    if (!stream.matches()) {
      throw fail(
          template,
          where,
          streamKey
              + " must be a DynamoDB table's stream ARN (!GetAtt Table.StreamArn), found "
              + properties.get(streamKey));
    }
    String position = String.valueOf(properties.get("StartingPosition"));
    if (!position.equals("TRIM_HORIZON") && !position.equals("LATEST")) {
      throw fail(
          template, where, "StartingPosition must be TRIM_HORIZON or LATEST, found " + position);
    }
    int age = number(template, where, properties, "MaximumRecordAgeInSeconds", -1, -1, 604_800);
    if (age >= 0 && age < 60) {
      throw fail(
          template,
          where,
          "MaximumRecordAgeInSeconds must be -1 or from 60 to 604800, found " + age);
    }
    number(template, where, properties, "ParallelizationFactor", 1, 1, 10);
    Object responseTypes = properties.get("FunctionResponseTypes");
    boolean report =
        responseTypes instanceof List<?> types && types.contains("ReportBatchItemFailures");
    Object destination =
        properties.get("DestinationConfig") instanceof Map<?, ?> config
                && config.get("OnFailure") instanceof Map<?, ?> onFailure
            ? onFailure.get("Destination")
            : null;
    if (destination != null && !DESTINATION_ARN.matcher(destination.toString()).matches()) {
      throw fail(
          template,
          where,
          "DestinationConfig.OnFailure.Destination must be an SQS queue's or an SNS topic's"
              + " ARN (S3 destinations are not emulated), found "
              + destination);
    }
    String table =
        template.tables().keySet().stream()
            .filter(id -> resolver.physicalName(id).equals(stream.group(1)))
            .findFirst()
            .orElseThrow(
                () -> fail(template, where, streamKey + " names no table of the template"));
    if (template.table(table).streamViewType().isEmpty()) {
      throw fail(
          template,
          where,
          streamKey + " is the stream of " + table + ", which has no StreamSpecification");
    }
    return new StreamEventSource(
        function,
        mapping,
        table,
        stream.group(1),
        streamArn,
        position,
        number(template, where, properties, "BatchSize", 100, 1, 10_000),
        Duration.ofSeconds(
            number(template, where, properties, "MaximumBatchingWindowInSeconds", 0, 0, 300)),
        report,
        flag(properties, "BisectBatchOnFunctionError", false),
        number(template, where, properties, "MaximumRetryAttempts", -1, -1, 10_000),
        age,
        destination == null ? null : destination.toString(),
        flag(properties, "Enabled", true));
  }

  private static boolean flag(Map<?, ?> properties, String key, boolean fallback) {
    Object value = properties.get(key);
    return value == null ? fallback : Boolean.parseBoolean(value.toString());
  }

  private static int number(
      SamTemplate template,
      String where,
      Map<?, ?> properties,
      String key,
      int fallback,
      int min,
      int max) {
    Object value = properties.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.toString());
      if (number < min || number > max) {
        throw fail(
            template, where, key + " must be from " + min + " to " + max + ", found " + number);
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

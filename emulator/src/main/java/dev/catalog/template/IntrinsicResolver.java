package dev.catalog.template;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Resolves intrinsic functions to local values: {@code Ref} to parameters (given value, else Default), to pseudo
 * parameters and to resources (the physical name the caller supplied, else {@code <stack>-<logicalId>}),
 * {@code Fn::GetAtt X.Arn} to a plausible local ARN, {@code Fn::Sub} (string and list forms, {@code ${Name}},
 * {@code ${Name.Attr}}, {@code ${!Literal}}), {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::If} (evaluating {@code Conditions}), {@code Fn::FindInMap}, {@code Fn::Base64}, and
 * {@code {{resolve:secretsmanager:...}}} references to the template's secrets (see {@link LocalSecrets}).
 *
 * <p>Anything else (imports, availability zones, CIDR blocks, transforms) fails with a {@link TemplateException} naming the file, logical id
 * and property, since guessing a local value for it would hide a real difference. Instances are immutable.
 */
public final class IntrinsicResolver {
  private static final Object NO_VALUE = new Object();
  private static final String SUPPORTED =
      "Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::FindInMap, Fn::Base64";

  private final Path source;
  private final Map<String, Parameter> parameters;
  private final Map<String, String> parameterValues;
  private final LocalResources resources;
  private final TemplateConditions conditions;
  private final Map<String, Object> mappings;

  IntrinsicResolver(LocalValues builder) {
    this.source = builder.template.source();
    this.parameters = builder.template.parameters();
    this.parameterValues = Map.copyOf(builder.parameterValues);
    this.resources =
        new LocalResources(
            builder.template.resources(),
            builder.physicalNames,
            builder.secrets,
            builder.region,
            builder.accountId,
            builder.stackName);
    this.conditions = new TemplateConditions(builder.template.conditions(), this::resolveString);
    this.mappings = builder.template.mappings();
  }

  /** Local values for the template's intrinsics, with defaults: region us-east-1, account 123456789012, stack {@code local}. */
  public static LocalValues builder(SamTemplate template) {
    return new LocalValues(template);
  }

  /**
   * Resolves a whole value (scalar, list, mapping) wherever intrinsics occur in it; {@code null} when it is
   * {@code AWS::NoValue}.
   *
   * @param where the logical id and property, for error messages, e.g. {@code GetProductFunction Timeout}
   */
  public Object resolve(Object value, String where) {
    Object resolved = value(value, where);
    return resolved == NO_VALUE ? null : resolved;
  }

  /** Resolves a value that must end up a string (numbers and booleans are written as text). */
  public String resolveString(Object value, String where) {
    return text(value(value, where), where);
  }

  private String text(Object resolved, String where) {
    return switch (resolved) {
      case String s -> s;
      case Number n -> n.toString();
      case Boolean b -> b.toString();
      default ->
          throw fail(
              where,
              "expected a string, found "
                  + (resolved == NO_VALUE ? "AWS::NoValue" : TemplateSection.describe(resolved)));
    };
  }

  /** A function's environment with every value resolved; variables set to {@code AWS::NoValue} are dropped. */
  public Map<String, String> resolveEnvironment(String logicalId, Map<String, Object> environment) {
    Map<String, String> resolved = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> {
          String where = logicalId + " Environment.Variables." + name;
          Object variable = value(value, where);
          if (variable != NO_VALUE) {
            resolved.put(name, text(variable, where));
          }
        });
    return Collections.unmodifiableMap(resolved);
  }

  /** What {@code Ref} yields for a resource's name here: the supplied physical name or {@code <stack>-<id>}. */
  public String physicalName(String logicalId) {
    return guarded("a name for " + logicalId, () -> resources.physicalName(logicalId));
  }

  private Object value(Object value, String where) {
    return switch (value) {
      case Intrinsic intrinsic -> intrinsic(intrinsic, where);
      case String text -> guarded(where, () -> resources.secrets().replaceReferences(text));
      case Map<?, ?> map -> {
        Map<Object, Object> resolved = new LinkedHashMap<>();
        map.forEach(
            (key, item) -> {
              Object v = value(item, where + "." + key);
              if (v != NO_VALUE) {
                resolved.put(key, v);
              }
            });
        yield resolved;
      }
      case List<?> list -> {
        List<Object> resolved = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          Object v = value(list.get(i), where + "[" + i + "]");
          if (v != NO_VALUE) {
            resolved.add(v);
          }
        }
        yield resolved;
      }
      case null, default -> value;
    };
  }

  /** Adds the file, logical id and property to what the local resources cannot resolve. */
  private <T> T guarded(String where, Supplier<T> step) {
    try {
      return step.get();
    } catch (LocalResources.Unresolvable e) {
      throw fail(where, e.getMessage());
    }
  }

  private Object intrinsic(Intrinsic intrinsic, String where) {
    Object argument = intrinsic.argument();
    return switch (intrinsic.function()) {
      case Intrinsic.REF -> ref(resolveString(argument, where), where);
      case Intrinsic.GET_ATT -> {
        List<?> parts = arguments(intrinsic, 2, where);
        String logicalId = resolveString(parts.get(0), where);
        String attribute = resolveString(parts.get(1), where);
        yield guarded(where, () -> resources.attribute(logicalId, attribute));
      }
      case Intrinsic.SUB -> sub(argument, where);
      case Intrinsic.JOIN -> {
        List<?> parts = arguments(intrinsic, 2, where);
        yield String.join(
            resolveString(parts.get(0), where),
            list(parts.get(1), where).stream().map(item -> resolveString(item, where)).toList());
      }
      case Intrinsic.SELECT -> {
        List<?> parts = arguments(intrinsic, 2, where);
        List<?> items = list(parts.get(1), where);
        String index = resolveString(parts.get(0), where);
        if (!index.matches("\\d+") || Integer.parseInt(index) >= items.size()) {
          throw fail(
              where, "Fn::Select index " + index + " is outside the list of " + items.size());
        }
        yield items.get(Integer.parseInt(index));
      }
      case Intrinsic.SPLIT -> {
        List<?> parts = arguments(intrinsic, 2, where);
        yield List.of(
            resolveString(parts.get(1), where)
                .split(Pattern.quote(resolveString(parts.get(0), where)), -1));
      }
      case Intrinsic.IF -> {
        List<?> parts = arguments(intrinsic, 3, where);
        String condition = resolveString(parts.get(0), where);
        boolean isTrue = guarded(where, () -> conditions.isTrue(condition, where));
        yield value(isTrue ? parts.get(1) : parts.get(2), where);
      }
      case Intrinsic.FIND_IN_MAP -> findInMap(arguments(intrinsic, 3, where), where);
      case Intrinsic.BASE64 ->
          Base64.getEncoder()
              .encodeToString(resolveString(argument, where).getBytes(StandardCharsets.UTF_8));
      default ->
          throw fail(
              where,
              intrinsic.function() + " is not supported locally (supported: " + SUPPORTED + ")");
    };
  }

  private Object ref(String name, String where) {
    if (name.startsWith("AWS::")) {
      return name.equals("AWS::NoValue")
          ? NO_VALUE
          : guarded(where, () -> resources.pseudoParameter(name));
    }
    Parameter parameter = parameters.get(name);
    if (parameter != null) {
      String value = parameterValues.getOrDefault(name, parameter.defaultValue().orElse(null));
      if (value == null) {
        throw fail(where, "parameter " + name + " has no Default and no value was given");
      }
      return parameter.isList() ? List.of(value.split("\\s*,\\s*", -1)) : value;
    }
    return guarded(where, () -> resources.ref(name));
  }

  private String sub(Object argument, String where) {
    Object template = argument;
    Map<String, Object> variables = new HashMap<>();
    if (argument instanceof List<?> list
        && list.size() == 2
        && list.get(1) instanceof Map<?, ?> map) {
      template = list.get(0);
      map.forEach((name, value) -> variables.put(String.valueOf(name), value));
    }
    if (!(template instanceof String text)) {
      throw fail(where, "Fn::Sub takes a string, or a list of a string and a mapping of variables");
    }
    String result =
        SubTemplate.render(
            text,
            name ->
                variables.containsKey(name)
                    ? resolveString(variables.get(name), where)
                    : resolveString(
                        !name.startsWith("AWS::") && name.contains(".")
                            ? new Intrinsic(Intrinsic.GET_ATT, name)
                            : new Intrinsic(Intrinsic.REF, name),
                        where));
    return guarded(where, () -> resources.secrets().replaceReferences(result));
  }

  /** Walks Mappings by map name, top-level key and second-level key (keys compared as text, like 2024 and "2024"). */
  private Object findInMap(List<?> keys, String where) {
    Object value = mappings;
    List<String> path = new ArrayList<>();
    for (Object key : keys) {
      String name = resolveString(key, where);
      path.add(name);
      Object found =
          value instanceof Map<?, ?> map
              ? map.entrySet().stream()
                  .filter(entry -> String.valueOf(entry.getKey()).equals(name))
                  .map(Map.Entry::getValue)
                  .findFirst()
                  .orElse(null)
              : null;
      if (found == null) {
        throw fail(where, "Fn::FindInMap: Mappings has no " + String.join(" > ", path));
      }
      value = found;
    }
    return value(value, where);
  }

  private List<?> arguments(Intrinsic intrinsic, int count, String where) {
    if (!(intrinsic.argument() instanceof List<?> list) || list.size() != count) {
      throw fail(where, intrinsic.function() + " takes a list of " + count + " items");
    }
    return list;
  }

  private List<?> list(Object value, String where) {
    if (!(value(value, where) instanceof List<?> list)) {
      throw fail(where, "expected a list, found " + TemplateSection.describe(value));
    }
    return list;
  }

  private TemplateException fail(String where, String problem) {
    return new TemplateException(source + ": cannot resolve " + where + ": " + problem);
  }
}

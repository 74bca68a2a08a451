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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves intrinsic functions to local values: {@code Ref} to parameters (given value, else Default), to pseudo
 * parameters and to resources (the physical name the caller supplied, else {@code <stack>-<logicalId>}),
 * {@code Fn::GetAtt X.Arn} to a plausible local ARN, {@code Fn::Sub} (string and list forms, {@code ${Name}},
 * {@code ${Name.Attr}}, {@code ${!Literal}}), {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::Base64}, and {@code {{resolve:secretsmanager:...}}} references to the template's secrets (see
 * {@link LocalSecrets}).
 *
 * <p>Anything else (conditions, imports, mappings) fails with a {@link TemplateException} naming the file, logical id
 * and property, since guessing a local value for it would hide a real difference. Instances are immutable.
 */
public final class IntrinsicResolver {
    private static final Object NO_VALUE = new Object();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");
    private static final String SUPPORTED = "Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::Base64";

    private final Path source;
    private final Map<String, Parameter> parameters;
    private final Map<String, String> parameterValues;
    private final LocalResources resources;

    private IntrinsicResolver(Builder builder) {
        this.source = builder.template.source();
        this.parameters = builder.template.parameters();
        this.parameterValues = Map.copyOf(builder.parameterValues);
        this.resources = new LocalResources(builder.template.resources(), builder.physicalNames, builder.secrets,
                builder.region, builder.accountId, builder.stackName);
    }

    /** A builder with the local defaults: region us-east-1, account 123456789012, stack name {@code local}. */
    public static Builder builder(SamTemplate template) {
        return new Builder(template);
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
            default -> throw fail(where, "expected a string, found " + (resolved == NO_VALUE ? "AWS::NoValue"
                    : TemplateSection.describe(resolved)));
        };
    }

    /** A function's environment with every value resolved; variables set to {@code AWS::NoValue} are dropped. */
    public Map<String, String> resolveEnvironment(String logicalId, Map<String, Object> environment) {
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
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
                map.forEach((key, item) -> {
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
                yield String.join(resolveString(parts.get(0), where),
                        list(parts.get(1), where).stream().map(item -> resolveString(item, where)).toList());
            }
            case Intrinsic.SELECT -> {
                List<?> parts = arguments(intrinsic, 2, where);
                List<?> items = list(parts.get(1), where);
                String index = resolveString(parts.get(0), where);
                if (!index.matches("\\d+") || Integer.parseInt(index) >= items.size()) {
                    throw fail(where, "Fn::Select index " + index + " is outside the list of " + items.size());
                }
                yield items.get(Integer.parseInt(index));
            }
            case Intrinsic.SPLIT -> {
                List<?> parts = arguments(intrinsic, 2, where);
                yield List.of(resolveString(parts.get(1), where).split(Pattern.quote(resolveString(parts.get(0), where)), -1));
            }
            case Intrinsic.BASE64 -> Base64.getEncoder().encodeToString(resolveString(argument, where)
                    .getBytes(StandardCharsets.UTF_8));
            default -> throw fail(where, intrinsic.function() + " is not supported locally (supported: " + SUPPORTED + ")");
        };
    }

    private Object ref(String name, String where) {
        if (name.startsWith("AWS::")) {
            return name.equals("AWS::NoValue") ? NO_VALUE : guarded(where, () -> resources.pseudoParameter(name));
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
        if (argument instanceof List<?> list && list.size() == 2 && list.get(1) instanceof Map<?, ?> map) {
            template = list.get(0);
            map.forEach((name, value) -> variables.put(String.valueOf(name), value));
        }
        if (!(template instanceof String text)) {
            throw fail(where, "Fn::Sub takes a string, or a list of a string and a mapping of variables");
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            // ${!Name} is CloudFormation's escape for a literal ${Name}.
            String replacement = !matcher.group(1).isEmpty() ? "${" + name + "}"
                    : variables.containsKey(name) ? resolveString(variables.get(name), where)
                    : !name.startsWith("AWS::") && name.contains(".")
                            ? resolveString(new Intrinsic(Intrinsic.GET_ATT, name), where)
                            : resolveString(new Intrinsic(Intrinsic.REF, name), where);
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return guarded(where, () -> resources.secrets().replaceReferences(result.toString()));
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

    /** Collects the local values; everything not given keeps its default. */
    public static final class Builder {
        private final SamTemplate template;
        private final Map<String, String> parameterValues = new HashMap<>();
        private final Map<String, String> physicalNames = new HashMap<>();
        private final Map<String, String> secrets = new HashMap<>();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private String stackName = "local";

        private Builder(SamTemplate template) {
            this.template = template;
        }

        /** Overrides a parameter's Default, like {@code --parameter-overrides}. */
        public Builder parameter(String name, String value) {
            if (!template.parameters().containsKey(name)) {
                throw new TemplateException(template.source() + ": no parameter '" + name + "' to set (parameters: "
                        + template.parameters().keySet() + ")");
            }
            parameterValues.put(name, value);
            return this;
        }

        /** The name a {@code Ref} to this resource yields, e.g. a table created under a unique name. */
        public Builder physicalName(String logicalId, String name) {
            requireResource(logicalId, null);
            physicalNames.put(logicalId, name);
            return this;
        }

        public Builder physicalNames(Map<String, String> namesByLogicalId) {
            namesByLogicalId.forEach(this::physicalName);
            return this;
        }

        /** The value of a Secrets Manager secret of the template, for its dynamic references. */
        public Builder secret(String logicalId, String value) {
            requireResource(logicalId, Resource.SECRET);
            secrets.put(logicalId, value);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        public IntrinsicResolver build() {
            return new IntrinsicResolver(this);
        }

        private void requireResource(String logicalId, String type) {
            Resource resource = template.resources().get(logicalId);
            if (resource == null || type != null && !resource.type().equals(type)) {
                throw new TemplateException(template.source() + ": no " + (type == null ? "resource" : type) + " '"
                        + logicalId + "' in the template");
            }
        }
    }
}

package dev.catalog.template;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the YAML of a template into a checked {@link SamTemplate}. */
final class TemplateLoader {
    private static final String SERVERLESS_TRANSFORM = LanguageExtensions.SERVERLESS;

    private TemplateLoader() {}

    static SamTemplate load(Path file) {
        TemplateSection root = TemplateSection.root(file, LanguageExtensions.apply(file, TemplateYaml.read(file)));
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        root.section("Parameters").sections().forEach((name, parameter) -> parameters.put(name,
                new Parameter(name, parameter.string("Type").orElse("String"), parameter.string("Default"))));

        Map<String, Object> conditions = entries(root.section("Conditions").values());
        Map<String, Object> mappings = entries(root.section("Mappings").values());
        Map<String, Resource> resources = new LinkedHashMap<>();
        Map<String, TemplateSection> sections = root.section("Resources").sections();
        if (sections.isEmpty()) {
            throw root.error("Resources", "is missing or empty");
        }
        sections.forEach((id, resource) -> resources.put(id,
                new Resource(id, resource.requireString("Type"), resource.section("Properties").values())));
        boolean serverless = resources.values().stream().anyMatch(r -> r.type().startsWith("AWS::Serverless::"));
        if (serverless && !declaresServerlessTransform(root.get("Transform").orElse(null))) {
            throw root.error("Transform", "must include AWS::Serverless-2016-10-31 for AWS::Serverless resources");
        }

        TemplateSection globals = root.section("Globals").section("Function");
        var defaults = new SamTemplate(file, parameters, conditions, mappings, resources, Map.of(), Map.of(), Map.of());
        var functionReader = new FunctionReader(globals, IntrinsicResolver.builder(defaults).build());
        Map<String, FunctionDef> functions = new LinkedHashMap<>();
        Map<String, TableDef> tables = new LinkedHashMap<>();
        sections.forEach((id, resource) -> {
            switch (resources.get(id).type()) {
                case Resource.FUNCTION -> functions.put(id, functionReader.read(id, resource));
                case Resource.TABLE -> tables.put(id, TableReader.read(id, resource));
                default -> { }
            }
        });
        checkRoutesUnique(file, functions);
        if (functions.values().stream().anyMatch(f -> !f.routes().isEmpty())) {
            // SAM creates this API for Api events without RestApiId; Outputs commonly !Sub its id into the URL.
            resources.putIfAbsent("ServerlessRestApi", new Resource("ServerlessRestApi", Resource.REST_API, Map.of()));
        }
        Map<String, Object> globalEnvironment = entries(globals.section("Environment").section("Variables").values());
        return new SamTemplate(file, parameters, conditions, mappings, resources, functions, tables, globalEnvironment);
    }

    private static boolean declaresServerlessTransform(Object transform) {
        return transform instanceof String name ? name.equals(SERVERLESS_TRANSFORM)
                : transform instanceof List<?> list && list.contains(SERVERLESS_TRANSFORM);
    }

    private static Map<String, Object> entries(Map<?, ?> section) {
        Map<String, Object> entries = new LinkedHashMap<>();
        section.forEach((name, value) -> entries.put(String.valueOf(name), value));
        return entries;
    }

    private static void checkRoutesUnique(Path file, Map<String, FunctionDef> functions) {
        Map<Route, String> owners = new HashMap<>();
        functions.values().forEach(function -> function.routes().forEach(route -> {
            Optional.ofNullable(owners.putIfAbsent(route, function.logicalId())).ifPresent(other -> {
                throw new TemplateException(file + ": route " + route + " is served by both " + other + " and "
                        + function.logicalId());
            });
        }));
    }
}

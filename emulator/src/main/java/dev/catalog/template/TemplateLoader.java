package dev.catalog.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns the YAML of a template into a checked {@link SamTemplate}. */
final class TemplateLoader {
  private static final String SERVERLESS_TRANSFORM = LanguageExtensions.SERVERLESS;

  /** A Location that is a URL (s3://, https://) names a template this model cannot read. */
  private static final Pattern REMOTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

  private TemplateLoader() {}

  static SamTemplate load(Path file) {
    return load(file, List.of());
  }

  /** @param enclosing the templates whose nested applications led here, outermost first */
  private static SamTemplate load(Path file, List<Path> enclosing) {
    TemplateSection root =
        TemplateSection.root(file, LanguageExtensions.apply(file, TemplateYaml.read(file)));
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    root.section("Parameters")
        .sections()
        .forEach(
            (name, parameter) ->
                parameters.put(
                    name,
                    new Parameter(
                        name,
                        parameter.string("Type").orElse("String"),
                        parameter.string("Default"))));

    Map<String, Object> conditions = entries(root.section("Conditions").values());
    Map<String, Object> mappings = entries(root.section("Mappings").values());
    Map<String, Resource> resources = new LinkedHashMap<>();
    Map<String, TemplateSection> sections = root.section("Resources").sections();
    if (sections.isEmpty()) {
      throw root.error("Resources", "is missing or empty");
    }
    sections.forEach(
        (id, resource) ->
            resources.put(
                id,
                new Resource(
                    id, resource.requireString("Type"), resource.section("Properties").values())));
    boolean serverless =
        resources.values().stream().anyMatch(r -> r.type().startsWith("AWS::Serverless::"));
    if (serverless && !declaresServerlessTransform(root.get("Transform").orElse(null))) {
      throw root.error(
          "Transform", "must include AWS::Serverless-2016-10-31 for AWS::Serverless resources");
    }

    TemplateSection globals = root.section("Globals").section("Function");
    var defaults =
        new SamTemplate(
            file,
            parameters,
            conditions,
            mappings,
            resources,
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of());
    var functionReader = new FunctionReader(globals, IntrinsicResolver.builder(defaults).build());
    Map<String, FunctionDef> functions = new LinkedHashMap<>();
    Map<String, TableDef> tables = new LinkedHashMap<>();
    Map<String, NestedApplication> applications = new LinkedHashMap<>();
    sections.forEach(
        (id, resource) -> {
          switch (resources.get(id).type()) {
            case Resource.FUNCTION -> functions.put(id, functionReader.read(id, resource));
            case Resource.TABLE -> tables.put(id, TableReader.read(id, resource));
            case NestedApplication.TYPE ->
                applications.put(id, application(file, enclosing, id, resource));
            default -> {}
          }
        });
    checkRoutesUnique(file, functions);
    if (functions.values().stream().anyMatch(f -> !f.routes().isEmpty())) {
      // SAM creates this API for Api events without RestApiId; Outputs commonly !Sub its id into
      // the URL.
      resources.putIfAbsent(
          "ServerlessRestApi", new Resource("ServerlessRestApi", Resource.REST_API, Map.of()));
    }
    Map<String, Object> globalEnvironment =
        entries(globals.section("Environment").section("Variables").values());
    return new SamTemplate(
        file,
        parameters,
        conditions,
        mappings,
        resources,
        functions,
        tables,
        globalEnvironment,
        applications);
  }

  /**
   * Reads a nested application's template (its Location, relative to this template's folder) and checks what this
   * template passes it as CloudFormation checks a nested stack's parameters: only parameters it declares, and every
   * one without a Default. Its functions and tables would not be run by the local tools, so it may declare none.
   */
  private static NestedApplication application(
      Path file, List<Path> enclosing, String id, TemplateSection resource) {
    TemplateSection properties = resource.section("Properties");
    Object location =
        properties.get("Location").orElseThrow(() -> properties.error("Location", "is missing"));
    if (!(location instanceof String relative) || REMOTE.matcher(relative).matches()) {
      throw properties.error(
          "Location",
          "must be the path of a template file beside "
              + file.getFileName()
              + " (an application of the Serverless Application Repository or a URL cannot be read here), found "
              + TemplateSection.describe(location));
    }
    Path nested = file.resolveSibling(relative).normalize();
    if (!java.nio.file.Files.isRegularFile(nested)) {
      throw properties.error(
          "Location", "'" + relative + "' is no file (" + nested.toAbsolutePath() + ")");
    }
    List<Path> chain = new ArrayList<>(enclosing);
    chain.add(file.toAbsolutePath().normalize());
    if (chain.contains(nested.toAbsolutePath().normalize())) {
      throw properties.error(
          "Location", "'" + relative + "' nests a template that is already being read: " + chain);
    }
    SamTemplate template = load(nested, chain);
    if (!template.functions().isEmpty() || !template.tables().isEmpty()) {
      throw properties.error(
          "Location",
          "'"
              + relative
              + "' declares functions or tables "
              + template.functions().keySet()
              + template.tables().keySet()
              + ", which the local tools do not run from a nested application; declare them in "
              + file);
    }
    TemplateSection passed = properties.section("Parameters");
    Map<String, Object> values = new LinkedHashMap<>();
    passed
        .values()
        .forEach(
            (name, value) -> {
              if (!template.parameters().containsKey(String.valueOf(name))) {
                throw passed.error(
                    String.valueOf(name),
                    "is passed, but "
                        + nested
                        + " declares no such parameter "
                        + template.parameters().keySet());
              }
              values.put(String.valueOf(name), value);
            });
    template.parameters().values().stream()
        .filter(
            parameter ->
                parameter.defaultValue().isEmpty() && !values.containsKey(parameter.name()))
        .findFirst()
        .ifPresent(
            parameter -> {
              throw properties.error(
                  "Parameters",
                  "does not pass "
                      + parameter.name()
                      + ", which "
                      + nested
                      + " declares without a Default");
            });
    return new NestedApplication(id, template, values);
  }

  private static boolean declaresServerlessTransform(Object transform) {
    return transform instanceof String name
        ? name.equals(SERVERLESS_TRANSFORM)
        : transform instanceof List<?> list && list.contains(SERVERLESS_TRANSFORM);
  }

  private static Map<String, Object> entries(Map<?, ?> section) {
    Map<String, Object> entries = new LinkedHashMap<>();
    section.forEach((name, value) -> entries.put(String.valueOf(name), value));
    return entries;
  }

  private static void checkRoutesUnique(Path file, Map<String, FunctionDef> functions) {
    Map<Route, String> owners = new HashMap<>();
    functions
        .values()
        .forEach(
            function ->
                function
                    .routes()
                    .forEach(
                        route -> {
                          Optional.ofNullable(owners.putIfAbsent(route, function.logicalId()))
                              .ifPresent(
                                  other -> {
                                    throw new TemplateException(
                                        file
                                            + ": route "
                                            + route
                                            + " is served by both "
                                            + other
                                            + " and "
                                            + function.logicalId());
                                  });
                        }));
  }
}

package dev.catalog.template;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SAM template as the local tools see it: the single source of truth for routes, tables and each function's
 * environment. Nothing in Java lists them a second time.
 *
 * <pre>{@code
 * SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
 * IntrinsicResolver local = template.resolver().physicalName("ProductsTable", "products-1234").build();
 * Map<String, String> env = template.function("GetProductFunction").environment(local);
 * }</pre>
 *
 * @param source the file it was read from
 * @param parameters by name, in template order
 * @param conditions the {@code Conditions} section, unevaluated
 * @param mappings the {@code Mappings} section
 * @param resources every resource by logical id, plus the implicit {@code ServerlessRestApi} SAM creates for Api events
 * @param functions the {@code AWS::Serverless::Function}s by logical id
 * @param tables the {@code AWS::DynamoDB::Table}s by logical id
 * @param globalEnvironment {@code Globals.Function.Environment.Variables}, unresolved
 * @param applications the nested applications ({@code AWS::Serverless::Application} of a template file) by logical id
 */
public record SamTemplate(
    Path source,
    Map<String, Parameter> parameters,
    Map<String, Object> conditions,
    Map<String, Object> mappings,
    Map<String, Resource> resources,
    Map<String, FunctionDef> functions,
    Map<String, TableDef> tables,
    Map<String, Object> globalEnvironment,
    Map<String, NestedApplication> applications) {

  public SamTemplate {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
    resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    globalEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(globalEnvironment));
    applications = Collections.unmodifiableMap(new LinkedHashMap<>(applications));
  }

  /**
   * Reads and checks a template, with its {@code Fn::ForEach} loops expanded as the {@code AWS::LanguageExtensions}
   * transform expands them (see {@link LanguageExtensions}) and its nested applications read too.
   *
   * @throws TemplateException naming the file and the offending logical id or property
   */
  public static SamTemplate load(Path file) {
    return TemplateLoader.load(file);
  }

  /** @throws TemplateException when the template has no such function */
  public FunctionDef function(String logicalId) {
    FunctionDef function = functions.get(logicalId);
    if (function == null) {
      throw new TemplateException(
          source
              + ": no AWS::Serverless::Function '"
              + logicalId
              + "' (functions: "
              + functions.keySet()
              + ")");
    }
    return function;
  }

  /** @throws TemplateException when the template has no such nested application */
  public NestedApplication application(String logicalId) {
    NestedApplication application = applications.get(logicalId);
    if (application == null) {
      throw new TemplateException(
          source
              + ": no "
              + NestedApplication.TYPE
              + " '"
              + logicalId
              + "' of a template file (applications: "
              + applications.keySet()
              + ")");
    }
    return application;
  }

  /** @throws TemplateException when the template has no such table */
  public TableDef table(String logicalId) {
    TableDef table = tables.get(logicalId);
    if (table == null) {
      throw new TemplateException(
          source
              + ": no AWS::DynamoDB::Table '"
              + logicalId
              + "' (tables: "
              + tables.keySet()
              + ")");
    }
    return table;
  }

  /**
   * Every route with the function serving it, ordered {@link Route#MOST_SPECIFIC_FIRST}. API Gateway picks the path
   * before the method: the first entry whose route {@link Route#match matches} the request path names the resource,
   * and among the entries with that same path the one that {@link Route#allows allows} the method serves the
   * request (if none does, the method is not allowed there).
   */
  public Map<Route, FunctionDef> routes() {
    Map<Route, FunctionDef> routes = new TreeMap<>(Route.MOST_SPECIFIC_FIRST);
    functions
        .values()
        .forEach(function -> function.routes().forEach(route -> routes.put(route, function)));
    return Collections.unmodifiableMap(routes);
  }

  /** Local values for this template's intrinsics, to adjust and {@link LocalValues#build() build} into a resolver. */
  public LocalValues resolver() {
    return IntrinsicResolver.builder(this);
  }
}

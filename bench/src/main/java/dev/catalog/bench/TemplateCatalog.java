package dev.catalog.bench;

import dev.catalog.local.events.sns.LocalSns;
import dev.catalog.local.events.sns.TemplateTopics;
import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.TemplatePolicies;
import dev.catalog.template.FunctionDef;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The functions and tables of template.yaml, read by the template model: handler, memory size and environment
 * exactly as deployed, with every intrinsic resolved to its local value (tables under their default local names).
 */
final class TemplateCatalog {

  private static final String PRODUCTS_TABLE = "ProductsTable";

  private final SamTemplate template;
  private final IntrinsicResolver local;

  TemplateCatalog(Path templateFile) {
    template = SamTemplate.load(templateFile);
    local = template.resolver().build();
  }

  /** Every function, in template order. */
  List<BenchFunction> functions() {
    return template.functions().values().stream().map(this::function).toList();
  }

  private BenchFunction function(FunctionDef function) {
    return new BenchFunction(
        function.logicalId(),
        function.handler(),
        function.environment(local),
        function.memorySizeMb(),
        function.timeoutSeconds());
  }

  /** Every table, as the requests that create it in DynamoDB Local. */
  List<CreateTableRequest> tables() {
    return template.tables().values().stream()
        .map(table -> table.toCreateTableRequest(local.physicalName(table.logicalId())))
        .toList();
  }

  /**
   * The template's topics on a local SNS endpoint, for the functions that publish (the functions run with the
   * benchmark's own credentials, so no policy is enforced); nothing is printed.
   */
  LocalSns startSns() {
    return LocalSns.start(
        TemplateTopics.read(template, local),
        Authorizer.off(template, local),
        "us-east-1",
        TemplatePolicies.accountId(local),
        new PrintStream(OutputStream.nullOutputStream()));
  }

  /** The local name of the products table, which the benchmark fills. */
  String productsTable() {
    return local.physicalName(PRODUCTS_TABLE);
  }
}

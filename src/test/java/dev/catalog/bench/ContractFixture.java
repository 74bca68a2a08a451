package dev.catalog.bench;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The functions and tables of the template contract, written out by hand: the benchmark's stand-in until the
 * template model ({@code dev.catalog.template.SamTemplate}) is on this branch and reads them from template.yaml.
 */
final class ContractFixture implements FunctionCatalog {

  static final String PRODUCTS_TABLE = "ProductsTable";
  static final String IDEMPOTENCY_TABLE = "IdempotencyTable";

  private static final Map<String, String> GLOBALS = Map.of(
      "PRODUCTS_TABLE", PRODUCTS_TABLE,
      "IDEMPOTENCY_TABLE", IDEMPOTENCY_TABLE,
      "ALLOWED_ORIGINS", "*",
      "CURSOR_SIGNING_KEY", "bench-cursor-signing-key-0123456789abcdef",
      "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
  private static final int MEMORY_MB = 1024;

  @Override
  public List<BenchFunction> functions() {
    return List.of(
        function("CreateProductFunction", "dev.catalog.products.CreateProductHandler"),
        function("ListProductsFunction", "dev.catalog.products.ListProductsHandler"),
        function("GetProductFunction", "dev.catalog.products.GetProductHandler"),
        function("PutProductFunction", "dev.catalog.products.PutProductHandler"),
        function("PatchProductFunction", "dev.catalog.products.PatchProductHandler"),
        function("DeleteProductFunction", "dev.catalog.products.DeleteProductHandler"),
        function("PreflightFunction", "dev.catalog.http.PreflightHandler"));
  }

  private static BenchFunction function(String name, String handlerClass) {
    return new BenchFunction(name, handlerClass + "::handleRequest", GLOBALS, MEMORY_MB);
  }

  @Override
  public List<CreateTableRequest> tables() {
    return List.of(
        CreateTableRequest.builder()
            .tableName(PRODUCTS_TABLE)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(string("id"), string("category"))
            .keySchema(key("id", KeyType.HASH))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                .indexName("byCategory")
                .keySchema(key("category", KeyType.HASH), key("id", KeyType.RANGE))
                .projection(projection -> projection.projectionType(ProjectionType.ALL))
                .build())
            .build(),
        CreateTableRequest.builder()
            .tableName(IDEMPOTENCY_TABLE)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(string("idempotencyKey"))
            .keySchema(key("idempotencyKey", KeyType.HASH))
            .build());
  }

  @Override
  public String productsTable() {
    return PRODUCTS_TABLE;
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}

package dev.catalog.bench;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** Where the benchmark learns which functions to start and which tables they need. */
interface FunctionCatalog {

  /** Every function, in template order, with its environment as the template declares it. */
  List<BenchFunction> functions();

  /** Every table, as requests that create it in DynamoDB Local. */
  List<CreateTableRequest> tables();

  /** The name under which {@link #tables()} creates the products table, which the benchmark fills. */
  String productsTable();
}

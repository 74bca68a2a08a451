package dev.catalog.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.catalog.storage.DynamoDbClients;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The benchmark's reference for GET /products/{id}: one {@code GetItem} of the product with the functions' own
 * low-level client (same builder, url-connection-client), nothing else. The gap between its warm latency and the
 * real handler's is what the handler adds to the DynamoDB call.
 */
public final class BareGetItemHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  private static final String TABLE = System.getenv("PRODUCTS_TABLE");
  private static final DynamoDbClient DYNAMODB = DynamoDbClients.fromEnvironment();

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    String id =
        event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("id", "");
    boolean found =
        DYNAMODB
            .getItem(get -> get.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id))))
            .hasItem();
    return new APIGatewayProxyResponseEvent().withStatusCode(found ? 200 : 404);
  }
}

package dev.catalog.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The benchmark's reference for GET /products/{id}: one {@code GetItem} of the product with the low-level client
 * over url-connection-client, nothing else. The gap between its warm latency and the real handler's is what the
 * handler adds to the DynamoDB call.
 */
public final class BareGetItemHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final String TABLE = System.getenv("PRODUCTS_TABLE");
    private static final DynamoDbClient DYNAMODB = client();

    private static DynamoDbClient client() {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        String endpoint = System.getenv("DYNAMODB_ENDPOINT");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String id = event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("id", "");
        boolean found = DYNAMODB.getItem(get -> get.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id))))
                .hasItem();
        return new APIGatewayProxyResponseEvent().withStatusCode(found ? 200 : 404);
    }
}

package dev.catalog.local.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.dynamodb.EmbeddedDynamoDb;
import dev.catalog.local.dynamodb.TemplateTables;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.TemplateFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The enforcing endpoint passes what a function's policy allows and answers the rest as DynamoDB does, through the
 * SDK and on the wire. The fixture's GetProductFunction may read the products table (DynamoDBReadPolicy),
 * PutProductFunction may change it (DynamoDBCrudPolicy), PreflightFunction may do nothing.
 */
class IamEndpointTest {
  @RegisterExtension
  static final DynamoDbLocal DYNAMO = new DynamoDbLocal(TemplateFixtures.PRODUCTS_API);

  static Map<String, AttributeValue> item(String id) {
    return Map.of("id", AttributeValue.fromS(id), "category", AttributeValue.fromS("c"));
  }

  static int count(String table) {
    return DYNAMO
        .client()
        .scan(request -> request.tableName(DYNAMO.tableName(table)).select(Select.COUNT))
        .count();
  }

  @Test
  void aCallThePolicyAllowsReachesTheDatabase() {
    DYNAMO
        .functionClient("PutProductFunction")
        .putItem(
            request -> request.tableName(DYNAMO.tableName("ProductsTable")).item(item("allowed")));
    assertEquals(
        item("allowed"),
        DYNAMO
            .functionClient("GetProductFunction")
            .getItem(
                request ->
                    request
                        .tableName(DYNAMO.tableName("ProductsTable"))
                        .key(Map.of("id", AttributeValue.fromS("allowed"))))
            .item());
  }

  @Test
  void
      aCallOutsideThePolicyIsDynamoDbsAccessDeniedNamingFunctionActionAndResourceAndWritesNothing() {
    String table = DYNAMO.tableName("ProductsTable");
    int before = count("ProductsTable");
    DynamoDbException denied =
        assertThrows(
            DynamoDbException.class,
            () ->
                DYNAMO
                    .functionClient("GetProductFunction")
                    .putItem(request -> request.tableName(table).item(item("denied"))));
    assertEquals(400, denied.statusCode());
    assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
    assertEquals(
        "User: arn:aws:sts::123456789012:assumed-role/GetProductFunctionRole/GetProductFunction is not"
            + " authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/"
            + table
            + " because no identity-based policy allows the dynamodb:PutItem action",
        denied.awsErrorDetails().errorMessage());
    assertEquals(before, count("ProductsTable"));
  }

  @Test
  void aTransactionWithOneItemOutsideThePolicyIsDeniedWhole() {
    int products = count("ProductsTable");
    DynamoDbException denied =
        assertThrows(
            DynamoDbException.class,
            () ->
                DYNAMO
                    .functionClient("PutProductFunction")
                    .transactWriteItems(
                        request ->
                            request.transactItems(
                                TransactWriteItem.builder()
                                    .put(
                                        put ->
                                            put.tableName(DYNAMO.tableName("ProductsTable"))
                                                .item(item("in-transaction")))
                                    .build(),
                                TransactWriteItem.builder()
                                    .put(
                                        put ->
                                            put.tableName(DYNAMO.tableName("IdempotencyTable"))
                                                .item(
                                                    Map.of(
                                                        "idempotencyKey",
                                                        AttributeValue.fromS("k"))))
                                    .build())));
    assertTrue(
        denied
            .awsErrorDetails()
            .errorMessage()
            .contains(
                "dynamodb:PutItem on resource: "
                    + "arn:aws:dynamodb:us-east-1:123456789012:table/"
                    + DYNAMO.tableName("IdempotencyTable")),
        denied::getMessage);
    assertEquals(products, count("ProductsTable"));
  }

  @Test
  void onTheWireTheDenialIsHttp400WithDynamoDbsJsonTypeAndMessage() throws Exception {
    URI endpoint = URI.create(DYNAMO.environment("PreflightFunction").get("DYNAMODB_ENDPOINT"));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", "DynamoDB_20120810.Scan")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=PreflightFunction/20261128/us-east-1/dynamodb/"
                    + "aws4_request, SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\": \"t\"}"))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(400, response.statusCode());
      assertEquals(
          "application/x-amz-json-1.0",
          response.headers().firstValue("Content-Type").orElseThrow());
      JsonNode body = new ObjectMapper().readTree(response.body());
      assertEquals("com.amazon.coral.service#AccessDeniedException", body.get("__type").asText());
      assertEquals(
          "User: arn:aws:sts::123456789012:assumed-role/PreflightFunctionRole/PreflightFunction is not"
              + " authorized to perform: dynamodb:Scan on resource: arn:aws:dynamodb:us-east-1:123456789012:table/t"
              + " because no identity-based policy allows the dynamodb:Scan action",
          body.get("Message").asText());
    }
  }

  @Test
  void anAccessKeyThatNamesNoFunctionIsAnUnrecognizedClient() {
    URI endpoint = URI.create(DYNAMO.environment("GetProductFunction").get("DYNAMODB_ENDPOINT"));
    try (DynamoDbClient stranger =
        DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("stranger", "x")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      DynamoDbException refused =
          assertThrows(DynamoDbException.class, () -> stranger.listTables());
      assertEquals("UnrecognizedClientException", refused.awsErrorDetails().errorCode());
    }
  }

  @Test
  void itEnforcesInFrontOfAnyDynamoDbNotOnlyTheTestsOwn() {
    try (EmbeddedDynamoDb outside = EmbeddedDynamoDb.start();
        DynamoDbClient admin = outside.newClient()) {
      Map<String, String> tables = TemplateTables.create(admin, DYNAMO.template(), "outside");
      IntrinsicResolver resolver = DYNAMO.template().resolver().physicalNames(tables).build();
      try (LocalIam iam =
              LocalIam.enforce(
                  DYNAMO.template(), resolver, outside.endpoint(), IamCall.Listener.NONE);
          DynamoDbClient put = iam.client("PutProductFunction", "us-east-1");
          DynamoDbClient get = iam.client("GetProductFunction", "us-east-1")) {
        put.putItem(
            request -> request.tableName(tables.get("ProductsTable")).item(item("outside")));
        assertThrows(
            DynamoDbException.class,
            () ->
                get.putItem(
                    request ->
                        request.tableName(tables.get("ProductsTable")).item(item("refused"))));
      }
      assertEquals(
          1, admin.scan(request -> request.tableName(tables.get("ProductsTable"))).count());
    }
  }
}

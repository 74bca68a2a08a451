package dev.catalog.local.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.iam.DynamoDbAccess.Access;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each DynamoDB request needs the actions and resources DynamoDB authorises it by. */
class DynamoDbAccessTest {
  static final DynamoDbAccess ACCESS = new DynamoDbAccess("us-east-1", "123456789012");
  static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/";

  static List<Access> of(String operation, String json) throws Exception {
    JsonNode body = new ObjectMapper().readTree(json);
    return ACCESS.of(operation, body);
  }

  @Test
  void anItemCallNeedsItsActionOnTheTable() throws Exception {
    assertEquals(
        List.of(new Access("dynamodb:GetItem", ARN + "products")),
        of("GetItem", "{\"TableName\": \"products\", \"Key\": {}}"));
  }

  @Test
  void aQueryOrScanOfAnIndexNeedsTheIndexArn() throws Exception {
    assertEquals(
        List.of(new Access("dynamodb:Query", ARN + "products/index/byCategory")),
        of("Query", "{\"TableName\": \"products\", \"IndexName\": \"byCategory\"}"));
    assertEquals(
        List.of(new Access("dynamodb:Scan", ARN + "products")),
        of("Scan", "{\"TableName\": \"products\"}"));
  }

  @Test
  void aTransactionIsAuthorisedItemByItemWithEachItemsOwnAction() throws Exception {
    assertEquals(
        List.of(
            new Access("dynamodb:PutItem", ARN + "idempotency"),
            new Access("dynamodb:PutItem", ARN + "products"),
            new Access("dynamodb:ConditionCheckItem", ARN + "products"),
            new Access("dynamodb:UpdateItem", ARN + "a"),
            new Access("dynamodb:DeleteItem", ARN + "b")),
        of(
            "TransactWriteItems",
            """
            {"TransactItems": [{"Put": {"TableName": "idempotency"}}, {"Put": {"TableName": "products"}},
              {"ConditionCheck": {"TableName": "products"}}, {"Update": {"TableName": "a"}},
              {"Delete": {"TableName": "b"}}]}"""));
    assertEquals(
        List.of(new Access("dynamodb:GetItem", ARN + "a")),
        of("TransactGetItems", "{\"TransactItems\": [{\"Get\": {\"TableName\": \"a\"}}]}"));
  }

  @Test
  void aBatchNeedsTheBatchActionOnEveryTableItNames() throws Exception {
    assertEquals(
        List.of(
            new Access("dynamodb:BatchWriteItem", ARN + "a"),
            new Access("dynamodb:BatchWriteItem", ARN + "b")),
        of("BatchWriteItem", "{\"RequestItems\": {\"a\": [], \"b\": []}}"));
  }

  @Test
  void aTableGivenByArnIsThatArnAndACallWithoutTableIsOnEverything() throws Exception {
    assertEquals(
        List.of(new Access("dynamodb:DescribeTable", "arn:aws:dynamodb:eu-west-1:1:table/x")),
        of("DescribeTable", "{\"TableName\": \"arn:aws:dynamodb:eu-west-1:1:table/x\"}"));
    assertEquals(List.of(new Access("dynamodb:ListTables", "*")), of("ListTables", "{}"));
  }
}

package dev.catalog.local.iam;

import java.util.List;
import java.util.Map;

/**
 * SAM's DynamoDB policy templates, as SAM expands them: the actions each grants on the table named by its
 * {@code TableName} and on the table's indexes; and {@code SNSPublishMessagePolicy}: {@code sns:Publish} on the topic
 * named by its {@code TopicName}.
 */
final class SamPolicyTemplates {
  static final Map<String, List<String>> DYNAMODB = Map.of(
      "DynamoDBReadPolicy", List.of("GetItem", "Scan", "Query", "BatchGetItem", "DescribeTable"),
      "DynamoDBWritePolicy", List.of("PutItem", "UpdateItem", "BatchWriteItem"),
      "DynamoDBCrudPolicy", List.of("GetItem", "DeleteItem", "PutItem", "Scan", "Query", "UpdateItem",
          "BatchWriteItem", "BatchGetItem", "DescribeTable", "ConditionCheckItem"));

  static final String SNS_PUBLISH = "SNSPublishMessagePolicy";

  private SamPolicyTemplates() {}

  /** @param parameters the template's parameters, resolved: {@code {TopicName: name}} */
  static Statement snsPublish(Object parameters, String region, String accountId) {
    Object topic = parameters instanceof Map<?, ?> map ? map.get("TopicName") : null;
    return new Statement(SNS_PUBLISH, true, List.of("sns:Publish"),
        List.of("arn:aws:sns:" + region + ":" + accountId + ":" + topic));
  }

  /** @param parameters the template's parameters, resolved: {@code {TableName: name}} */
  static Statement dynamoDb(String name, Object parameters, String region, String accountId) {
    Object table = parameters instanceof Map<?, ?> map ? map.get("TableName") : null;
    String arn = "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + table;
    return new Statement(name, true, DYNAMODB.get(name).stream().map(action -> "dynamodb:" + action).toList(),
        List.of(arn, arn + "/index/*"));
  }
}

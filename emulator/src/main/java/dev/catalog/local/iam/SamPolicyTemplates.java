package dev.catalog.local.iam;

import java.util.List;
import java.util.Map;

/**
 * What SAM writes into a function's generated role besides its inline documents, as aws-sam-translator expands it:
 * the DynamoDB policy templates (the actions each grants on the table named by its {@code TableName} and on the
 * table's indexes), {@code SNSPublishMessagePolicy} ({@code sns:Publish} on the topic named by its
 * {@code TopicName}), and what a {@code Type: DynamoDB} event adds to the role (its pull event source,
 * samtranslator/model/eventsources/pull.py): the managed policy {@code AWSLambdaDynamoDBExecutionRole}, which reads
 * every stream of the account, and, only when {@code DestinationConfig.OnFailure} has a {@code Type}, a statement for
 * the destination ({@code sqs:SendMessage} for SQS, {@code sns:publish} for SNS). Without {@code Type} SAM adds
 * nothing for the destination, and Lambda refuses to create the mapping.
 */
final class SamPolicyTemplates {
  static final Map<String, List<String>> DYNAMODB =
      Map.of(
          "DynamoDBReadPolicy",
              List.of("GetItem", "Scan", "Query", "BatchGetItem", "DescribeTable"),
          "DynamoDBWritePolicy", List.of("PutItem", "UpdateItem", "BatchWriteItem"),
          "DynamoDBCrudPolicy",
              List.of(
                  "GetItem",
                  "DeleteItem",
                  "PutItem",
                  "Scan",
                  "Query",
                  "UpdateItem",
                  "BatchWriteItem",
                  "BatchGetItem",
                  "DescribeTable",
                  "ConditionCheckItem"));

  static final String SNS_PUBLISH = "SNSPublishMessagePolicy";

  /**
   * The stream actions of the AWS managed policy SAM attaches for a DynamoDB event, on every resource. (Its
   * {@code logs:} actions are left out, as the basic execution role's are for every function: logs are not emulated.)
   */
  static final List<String> DYNAMODB_EXECUTION_ROLE =
      List.of(
          "dynamodb:DescribeStream",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:ListStreams");

  private SamPolicyTemplates() {}

  /** @param parameters the template's parameters, resolved: {@code {TopicName: name}} */
  static Statement snsPublish(Object parameters, String region, String accountId) {
    Object topic = parameters instanceof Map<?, ?> map ? map.get("TopicName") : null;
    return new Statement(
        SNS_PUBLISH,
        true,
        List.of("sns:Publish"),
        List.of("arn:aws:sns:" + region + ":" + accountId + ":" + topic));
  }

  /** @param parameters the template's parameters, resolved: {@code {TableName: name}} */
  static Statement dynamoDb(String name, Object parameters, String region, String accountId) {
    Object table = parameters instanceof Map<?, ?> map ? map.get("TableName") : null;
    String arn = "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + table;
    return new Statement(
        name,
        true,
        DYNAMODB.get(name).stream().map(action -> "dynamodb:" + action).toList(),
        List.of(arn, arn + "/index/*"));
  }

  /**
   * What SAM adds to the role for the {@code Type: DynamoDB} event {@code event}: AWSLambdaDynamoDBExecutionRole's
   * stream actions on {@code *}, and the on-failure destination's statement when the event's
   * {@code DestinationConfig.OnFailure} has a {@code Type} (SAM's policy {@code <Function><Event>SQSPolicy} or
   * {@code ...SNSPolicy}).
   *
   * @param properties the event's {@code Properties}, resolved
   * @return the statements, the managed policy's first
   * @throws IllegalArgumentException for an OnFailure {@code Type} other than SQS and SNS
   */
  static List<Statement> dynamoDbEvent(String function, String event, Map<?, ?> properties) {
    Statement streams =
        new Statement(
            "AWSLambdaDynamoDBExecutionRole (SAM, for " + event + ")",
            true,
            DYNAMODB_EXECUTION_ROLE,
            List.of("*"));
    Object onFailure =
        properties.get("DestinationConfig") instanceof Map<?, ?> config
            ? config.get("OnFailure")
            : null;
    if (!(onFailure instanceof Map<?, ?> destination) || destination.get("Type") == null) {
      return List.of(streams);
    }
    String type = String.valueOf(destination.get("Type"));
    String action =
        switch (type) {
          case "SQS" -> "sqs:SendMessage";
          case "SNS" -> "sns:publish";
          default ->
              throw new IllegalArgumentException(
                  "DestinationConfig.OnFailure.Type "
                      + type
                      + " is not emulated"
                      + " (SQS and SNS are)");
        };
    return List.of(
        streams,
        new Statement(
            function + event + type + "Policy (SAM)",
            true,
            List.of(action),
            List.of(String.valueOf(destination.get("Destination")))));
  }
}

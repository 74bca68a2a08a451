package dev.catalog.local.iam;

import static dev.catalog.local.iam.FunctionPolicy.Decision.ALLOWED;
import static dev.catalog.local.iam.FunctionPolicy.Decision.IMPLICIT_DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function's role is its {@code Policies} and what SAM adds to the role it generates: for a {@code Type: DynamoDB}
 * event, AWSLambdaDynamoDBExecutionRole (every stream of the account), and {@code sqs:SendMessage} on the on-failure
 * queue only when the event's {@code OnFailure} gives {@code Type: SQS}, as aws-sam-translator expands it.
 */
class TemplatePoliciesTest {
  static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:local-Q";
  static final String ANY_STREAM =
      "arn:aws:dynamodb:us-east-1:123456789012:table/someone-else/stream/2024-01-01";

  @TempDir Path dir;

  FunctionPolicy policy(String onFailure) throws IOException {
    return policy(onFailure, "!GetAtt Q.Arn");
  }

  FunctionPolicy policy(String onFailure, String destination) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(
        file,
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          F:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java21
              Handler: dev.catalog.Echo
              Events:
                S:
                  Type: DynamoDB
                  Properties:
                    Stream: !GetAtt T.StreamArn
                    StartingPosition: LATEST
                    DestinationConfig:
                      OnFailure:
                        %s
                        Destination: %s
          Q:
            Type: AWS::SQS::Queue
          Topic:
            Type: AWS::SNS::Topic
          T:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
              KeySchema: [{ AttributeName: id, KeyType: HASH }]
              StreamSpecification: { StreamViewType: NEW_IMAGE }
        """
            .formatted(onFailure, destination));
    SamTemplate template = SamTemplate.load(file);
    return TemplatePolicies.read(template, template.resolver().build()).get("F");
  }

  @Test
  void
      aSamDynamoDbEventGivesTheRoleTheStreamActionsOnEveryStreamAsAwsLambdaDynamoDbExecutionRoleDoes()
          throws IOException {
    FunctionPolicy policy = policy("Type: SQS");
    for (String action :
        List.of(
            "dynamodb:DescribeStream",
            "dynamodb:GetRecords",
            "dynamodb:GetShardIterator",
            "dynamodb:ListStreams")) {
      assertEquals(ALLOWED, policy.evaluate(action, ANY_STREAM), action);
    }
    assertEquals(
        IMPLICIT_DENY,
        policy.evaluate("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/x"));
  }

  @Test
  void onlyAnOnFailureWithTypeSqsGivesTheRoleSendMessageOnTheQueue() throws IOException {
    assertEquals(ALLOWED, policy("Type: SQS").evaluate("sqs:SendMessage", QUEUE));
    assertEquals(IMPLICIT_DENY, policy("Type: SQS").evaluate("sqs:SendMessage", QUEUE + "-other"));
    assertEquals(IMPLICIT_DENY, policy("").evaluate("sqs:SendMessage", QUEUE));
  }

  @Test
  void anOnFailureWithTypeSnsGivesTheRolePublishOnTheTopicAndAnotherTypeIsNotEmulated()
      throws IOException {
    FunctionPolicy sns = policy("Type: SNS", "!Ref Topic");
    assertEquals(
        ALLOWED, sns.evaluate("sns:Publish", "arn:aws:sns:us-east-1:123456789012:local-Topic"));
    assertEquals(IMPLICIT_DENY, sns.evaluate("sqs:SendMessage", QUEUE));
    TemplateException refused = assertThrows(TemplateException.class, () -> policy("Type: S3"));
    assertTrue(
        refused
            .getMessage()
            .endsWith(
                "F Events.S: DestinationConfig.OnFailure.Type S3 is not emulated (SQS and"
                    + " SNS are)"),
        refused::getMessage);
  }
}

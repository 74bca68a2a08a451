package dev.catalog.local.events.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.IamCall;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local tool creates each stream mapping as Lambda's CreateEventSourceMapping does: refused, with Lambda's message,
 * when the function's role (its template policy, plus what SAM adds to the role for a SAM event) may not read the
 * stream or send to the on-failure destination.
 */
class EventSourceMappingsTest {
  static final String STREAM =
      "arn:aws:dynamodb:us-east-1:123456789012:table/local-OrdersTable/stream/"
          + "1970-01-01T00:00:00.000";
  static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:local-Q";
  static final String READS =
      """
                  - Effect: Allow
                    Action: [dynamodb:DescribeStream, dynamodb:GetRecords, dynamodb:GetShardIterator, dynamodb:ListStreams]
                    Resource: %s
      """;
  static final String SEND =
      """
                  - Effect: Allow
                    Action: sqs:SendMessage
                    Resource: !GetAtt Q.Arn
      """;

  @TempDir Path dir;

  EventSourceMappings create(String function) throws IOException {
    SamTemplate template = template(function);
    IntrinsicResolver resolver = template.resolver().build();
    return EventSourceMappings.create(
        template, resolver, Authorizer.enforcing(template, resolver, IamCall.Listener.NONE));
  }

  String refusal(String function) {
    return assertThrows(EventSourceMappingException.class, () -> create(function)).getMessage();
  }

  @Test
  void aSamEventWithOnFailureTypeSqsIsCreatedSinceSamGivesTheRoleEveryStreamAndTheQueue()
      throws IOException {
    assertEquals(
        List.of("FS"),
        create(samEvent("Type: SQS")).sources().stream().map(StreamEventSource::mapping).toList());
  }

  @Test
  void aSamEventWhoseOnFailureHasNoTypeIsRefusedSinceSamAddsNothingForTheQueue() {
    String refusal = refusal(samEvent(""));
    assertTrue(
        refusal.endsWith(
            ": FS: Lambda refuses to create the event source mapping to F: The"
                + " provided execution role does not have permissions to call SendMessage on SQS (User:"
                + " arn:aws:sts::123456789012:assumed-role/FRole/F is not authorized to perform: sqs:SendMessage on resource: "
                + QUEUE
                + " because no identity-based policy allows the sqs:SendMessage action)"),
        refusal);
  }

  @Test
  void aMappingWhosePolicyReadsTheStreamAndSendsToTheQueueIsCreated() throws IOException {
    assertEquals(
        List.of("M"),
        create(mapping(READS.formatted("!GetAtt OrdersTable.StreamArn") + SEND)).sources().stream()
            .map(StreamEventSource::mapping)
            .toList());
  }

  @Test
  void aMappingWhosePolicyDoesNotAllowSendMessageOnItsQueueIsRefusedWithLambdasMessage() {
    String refusal = refusal(mapping(READS.formatted("!GetAtt OrdersTable.StreamArn")));
    assertTrue(
        refusal.contains(
            ": M: Lambda refuses to create the event source mapping to F: The provided execution"
                + " role does not have permissions to call SendMessage on SQS (User: arn:aws:sts::123456789012:assumed-role/"
                + "FRole/F is not authorized to perform: sqs:SendMessage on resource: "
                + QUEUE),
        refusal);
  }

  @Test
  void aMappingWhosePolicyReadsOnlyAnotherTablesStreamIsRefusedWithLambdasMessage() {
    String refusal = refusal(mapping(READS.formatted("!GetAtt OtherTable.StreamArn") + SEND));
    assertTrue(
        refusal.contains(
            ": M: Lambda refuses to create the event source mapping to F: Cannot access stream "
                + STREAM
                + ". Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and"
                + " ListStreams Actions on your stream in IAM. (User: arn:aws:sts::123456789012:assumed-role/FRole/F is not"
                + " authorized to perform: dynamodb:GetRecords on resource: "
                + STREAM),
        refusal);
  }

  @Test
  void aMappingWhosePolicyLacksOneOfTheStreamActionsIsRefused() {
    String refusal =
        refusal(
            mapping(
                READS
                        .formatted("!GetAtt OrdersTable.StreamArn")
                        .replace(", dynamodb:ListStreams", "")
                    + SEND));
    assertTrue(
        refusal.contains("Cannot access stream " + STREAM)
            && refusal.contains("to perform:" + " dynamodb:ListStreams on resource: " + STREAM),
        refusal);
  }

  @Test
  void withIamOffEveryMappingIsCreated() throws IOException {
    SamTemplate template = template(mapping(""));
    assertEquals(
        1,
        EventSourceMappings.create(
                template,
                template.resolver().build(),
                Authorizer.off(template, template.resolver().build()))
            .sources()
            .size());
  }

  /** F consumes OrdersTable's stream through the SAM event S, whose OnFailure has the given Type line. */
  static String samEvent(String type) {
    return """
          F:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                S:
                  Type: DynamoDB
                  Properties:
                    Stream: !GetAtt OrdersTable.StreamArn
                    StartingPosition: LATEST
                    DestinationConfig:
                      OnFailure:
                        %s
                        Destination: !GetAtt Q.Arn
        """
        .formatted(type);
  }

  /** F, with the given policy statements, consumes OrdersTable's stream through the mapping M. */
  static String mapping(String statements) {
    return """
          F:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: sns:Publish
                      Resource: "*"
        %s
          M:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref F
              EventSourceArn: !GetAtt OrdersTable.StreamArn
              StartingPosition: LATEST
              DestinationConfig:
                OnFailure:
                  Destination: !GetAtt Q.Arn
        """
        .formatted(statements.stripTrailing());
  }

  SamTemplate template(String function) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(
        file,
        """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: java21
            Handler: dev.catalog.local.fixtures.StreamFixtureHandler::handleRequest
        Resources:
        %s
          Q:
            Type: AWS::SQS::Queue
          OrdersTable:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
              KeySchema: [{ AttributeName: id, KeyType: HASH }]
              StreamSpecification: { StreamViewType: NEW_IMAGE }
          OtherTable:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
              KeySchema: [{ AttributeName: id, KeyType: HASH }]
              StreamSpecification: { StreamViewType: NEW_IMAGE }
        """
            .formatted(function.stripTrailing()));
    return SamTemplate.load(file);
  }
}

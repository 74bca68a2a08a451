package dev.catalog.local.events.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import dev.catalog.testing.TemplateFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream consumers come from the template's {@code AWS::Lambda::EventSourceMapping} resources and from the
 * functions' SAM {@code DynamoDB} events (which SAM expands into the same mapping), with Lambda's defaults and ranges.
 */
class TemplateStreamSourcesTest {
  static final SamTemplate FIXTURE = SamTemplate.load(TemplateFixtures.path("local-events.yaml"));
  static final String ORDERS_STREAM =
      "arn:aws:dynamodb:us-east-1:123456789012:table/orders-1/stream/" + "1970-01-01T00:00:00.000";

  static List<StreamEventSource> read(SamTemplate template) {
    return TemplateStreamSources.read(
        template, template.resolver().physicalName("OrdersTable", "orders-1").build());
  }

  @Test
  void
      everyStreamMappingAndEveryDynamoDbEventIsAConsumerOfItsTablesStreamWithItsSettingsInTemplateOrder() {
    List<StreamEventSource> sources = read(FIXTURE);
    assertEquals(
        List.of("PartialFunction", "LatestFunction", "BisectFunction", "AgedFunction"),
        sources.stream().map(StreamEventSource::function).toList());
    assertEquals(
        List.of(
            "PartialFunctionOrders",
            "LatestFunctionNewOrders",
            "BisectStreamMapping",
            "AgedStreamMapping"),
        sources.stream().map(StreamEventSource::mapping).toList());
    assertEquals(
        new StreamEventSource(
            "PartialFunction",
            "PartialFunctionOrders",
            "OrdersTable",
            "orders-1",
            ORDERS_STREAM,
            "TRIM_HORIZON",
            3,
            Duration.ofSeconds(1),
            true,
            false,
            5,
            -1,
            "arn:aws:sqs:us-east-1:123456789012:local-FailureQueue",
            true),
        sources.getFirst());
    assertEquals("LATEST", sources.get(1).startingPosition());
    assertEquals(
        new StreamEventSource(
            "BisectFunction",
            "BisectStreamMapping",
            "PoisonTable",
            "local-PoisonTable",
            "arn:aws:dynamodb:us-east-1:123456789012:table/local-PoisonTable/stream/1970-01-01T00:00:00.000",
            "TRIM_HORIZON",
            4,
            Duration.ofSeconds(1),
            false,
            true,
            1,
            -1,
            "arn:aws:sqs:us-east-1:123456789012:local-FailureQueue",
            true),
        sources.get(2));
    assertEquals(60, sources.get(3).maximumRecordAgeSeconds());
    assertEquals(-1, sources.get(3).maximumRetryAttempts());
  }

  @Test
  void whatTheTemplateLeavesOutTakesLambdasDefaults(@TempDir Path dir) throws IOException {
    StreamEventSource event = read(template(dir, "StartingPosition: LATEST")).getFirst();
    assertEquals(
        new StreamEventSource(
            "F",
            "FS",
            "OrdersTable",
            "orders-1",
            ORDERS_STREAM,
            "LATEST",
            100,
            Duration.ZERO,
            false,
            false,
            -1,
            -1,
            null,
            true),
        event);
    StreamEventSource mapping =
        read(mappingTemplate(dir, "!Ref F", "StartingPosition: LATEST")).getFirst();
    assertEquals(
        new StreamEventSource(
            "F",
            "M",
            "OrdersTable",
            "orders-1",
            ORDERS_STREAM,
            "LATEST",
            100,
            Duration.ZERO,
            false,
            false,
            -1,
            -1,
            null,
            true),
        mapping);
  }

  @Test
  void aMappingInvokesTheFunctionItsFunctionNameNamesByReferenceAliasArnOrName(@TempDir Path dir)
      throws IOException {
    for (String name :
        List.of(
            "!Ref F",
            "!Ref F.Alias",
            "!GetAtt F.Arn",
            "local-F",
            "local-F:live",
            "arn:aws:lambda:us-east-1:123456789012:function:local-F",
            "!Sub \"${F.Arn}:live\"")) {
      assertEquals(
          "F",
          read(mappingTemplate(dir, name, "StartingPosition: LATEST")).getFirst().function(),
          name);
    }
    TemplateException refused =
        assertThrows(
            TemplateException.class,
            () -> read(mappingTemplate(dir, "local-G", "StartingPosition: LATEST")));
    assertTrue(
        refused
            .getMessage()
            .endsWith(
                "M: FunctionName local-G names no AWS::Serverless::Function of the" + " template"),
        refused::getMessage);
  }

  @Test
  void aMappingOfAnotherEventSourceIsNoStreamConsumer(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(
        file,
        Files.readString(mappingTemplate(dir, "!Ref F", "StartingPosition: LATEST").source())
            .replace(
                "EventSourceArn: !GetAtt OrdersTable.StreamArn", "EventSourceArn: !GetAtt Jobs.Arn")
            .replace("Resources:\n", "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n"));
    assertEquals(List.of(), read(SamTemplate.load(file)));
  }

  @Test
  void valuesLambdaRefusesOrFiltersTheEmulatorWouldIgnoreStopTheReadingNamingThem(@TempDir Path dir)
      throws IOException {
    for (String[] bad :
        new String[][] {
          {"StartingPosition: AT_TIMESTAMP", "StartingPosition must be TRIM_HORIZON or LATEST"},
          {
            "StartingPosition: LATEST\n            BatchSize: 0",
            "BatchSize must be from 1 to 10000"
          },
          {
            "StartingPosition: LATEST\n            MaximumRecordAgeInSeconds: 30",
            "MaximumRecordAgeInSeconds must be -1"
          },
          {
            "StartingPosition: LATEST\n            MaximumRetryAttempts: -2",
            "MaximumRetryAttempts must be from -1"
          },
          {
            "StartingPosition: LATEST\n            ParallelizationFactor: 11",
            "ParallelizationFactor must be from 1 to 10"
          },
          {
            "StartingPosition: LATEST\n            FilterCriteria: { Filters: [] }",
            "FilterCriteria is not emulated"
          },
          {
            "StartingPosition: LATEST\n            DestinationConfig: { OnFailure: { Destination: \"arn:aws:s3:::b\" } }",
            "DestinationConfig.OnFailure.Destination must be an SQS queue's or an SNS topic's ARN"
          }
        }) {
      TemplateException refused =
          assertThrows(TemplateException.class, () -> read(template(dir, bad[0])), bad[0]);
      assertTrue(refused.getMessage().contains("F Events.S: " + bad[1]), refused::getMessage);
      TemplateException mapping =
          assertThrows(
              TemplateException.class,
              () -> read(mappingTemplate(dir, "!Ref F", bad[0].replace("\n      ", "\n"))),
              bad[0]);
      assertTrue(mapping.getMessage().contains("M: " + bad[1]), mapping::getMessage);
    }
  }

  @Test
  void anOnFailureTypeOnAMappingIsRefusedAsCloudFormationRefusesIt(@TempDir Path dir)
      throws IOException {
    TemplateException refused =
        assertThrows(
            TemplateException.class,
            () ->
                read(
                    mappingTemplate(
                        dir,
                        "!Ref F",
                        "StartingPosition: LATEST\n      DestinationConfig: { OnFailure: { Type: SQS, Destination: !GetAtt Q.Arn } }")));
    assertTrue(
        refused
            .getMessage()
            .contains("M: DestinationConfig.OnFailure.Type is a property of SAM's events"),
        refused::getMessage);
  }

  @Test
  void aStreamOfATableWithoutStreamSpecificationStopsTheReading(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(
        file,
        Files.readString(template(dir, "StartingPosition: LATEST").source())
            .replace("      StreamSpecification: { StreamViewType: NEW_IMAGE }\n", ""));
    TemplateException refused =
        assertThrows(TemplateException.class, () -> read(SamTemplate.load(file)));
    assertTrue(
        refused
            .getMessage()
            .endsWith(
                "F Events.S: Stream is the stream of OrdersTable, which has no"
                    + " StreamSpecification"),
        refused::getMessage);
  }

  /** A function F consuming OrdersTable's stream through the SAM event S with {@code properties}. */
  static SamTemplate template(Path dir, String properties) throws IOException {
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
              Handler: dev.catalog.local.fixtures.StreamFixtureHandler::handleRequest
              Events:
                S:
                  Type: DynamoDB
                  Properties:
                    Stream: !GetAtt OrdersTable.StreamArn
                    %s
          OrdersTable:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
              KeySchema: [{ AttributeName: id, KeyType: HASH }]
              StreamSpecification: { StreamViewType: NEW_IMAGE }
        """
            .formatted(properties));
    return SamTemplate.load(file);
  }

  /** The function F (alias live) consuming OrdersTable's stream through the mapping M with {@code properties}. */
  static SamTemplate mappingTemplate(Path dir, String functionName, String properties)
      throws IOException {
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
              Handler: dev.catalog.local.fixtures.StreamFixtureHandler::handleRequest
              AutoPublishAlias: live
          M:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: %s
              EventSourceArn: !GetAtt OrdersTable.StreamArn
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
        """
            .formatted(functionName, properties));
    return SamTemplate.load(file);
  }
}

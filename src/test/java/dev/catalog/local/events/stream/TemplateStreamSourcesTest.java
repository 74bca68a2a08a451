package dev.catalog.local.events.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import dev.catalog.template.TemplateFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream consumers come from the functions' DynamoDB events, with Lambda's defaults and ranges. */
class TemplateStreamSourcesTest {
  static final SamTemplate FIXTURE = SamTemplate.load(TemplateFixtures.path("local-events.yaml"));

  static List<StreamEventSource> read(SamTemplate template) {
    return TemplateStreamSources.read(template, template.resolver().physicalName("OrdersTable", "orders-1").build());
  }

  @Test
  void everyDynamoDbEventIsAConsumerOfItsTablesStreamWithItsSettings() {
    List<StreamEventSource> sources = read(FIXTURE);
    assertEquals(List.of("PartialFunction", "LatestFunction", "BisectFunction", "AgedFunction"),
        sources.stream().map(StreamEventSource::function).toList());
    assertEquals(new StreamEventSource("PartialFunction", "Orders", "OrdersTable", "orders-1", "TRIM_HORIZON", 3,
        Duration.ofSeconds(1), true, false, 5, -1, "arn:aws:sqs:us-east-1:123456789012:local-FailureQueue", true),
        sources.getFirst());
    assertEquals("LATEST", sources.get(1).startingPosition());
    assertEquals("local-PoisonTable", sources.get(2).tableName());
    assertTrue(sources.get(2).bisectOnError());
    assertEquals(60, sources.get(3).maximumRecordAgeSeconds());
  }

  @Test
  void whatTheTemplateLeavesOutTakesLambdasDefaults(@TempDir Path dir) throws IOException {
    StreamEventSource source = read(template(dir, "StartingPosition: LATEST")).getFirst();
    assertEquals(new StreamEventSource("F", "S", "OrdersTable", "orders-1", "LATEST", 100, Duration.ZERO, false,
        false, -1, -1, null, true), source);
  }

  @Test
  void valuesLambdaRefusesOrFiltersTheEmulatorWouldIgnoreStopTheReadingNamingThem(@TempDir Path dir)
      throws IOException {
    for (String[] bad : new String[][] {
        {"StartingPosition: AT_TIMESTAMP", "StartingPosition must be TRIM_HORIZON or LATEST"},
        {"StartingPosition: LATEST\n            BatchSize: 0", "BatchSize must be from 1 to 10000"},
        {"StartingPosition: LATEST\n            MaximumRecordAgeInSeconds: 30", "MaximumRecordAgeInSeconds must be -1"},
        {"StartingPosition: LATEST\n            MaximumRetryAttempts: -2", "MaximumRetryAttempts must be from -1"},
        {"StartingPosition: LATEST\n            FilterCriteria: { Filters: [] }", "FilterCriteria is not emulated"}}) {
      TemplateException refused = assertThrows(TemplateException.class, () -> read(template(dir, bad[0])), bad[0]);
      assertTrue(refused.getMessage().contains("F Events.S: " + bad[1]), refused::getMessage);
    }
  }

  static SamTemplate template(Path dir, String properties) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, """
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
        """.formatted(properties));
    return SamTemplate.load(file);
  }
}

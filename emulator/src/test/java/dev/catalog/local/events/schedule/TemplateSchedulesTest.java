package dev.catalog.local.events.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedules come from the functions' SAM {@code Schedule} and {@code ScheduleV2} events, with EventBridge's rate
 * expressions; what the local tool would not run as written (a cron or at expression) stops the reading, naming the
 * event, and a disabled schedule is left out.
 */
class TemplateSchedulesTest {
  static List<ScheduleSource> read(SamTemplate template) {
    return TemplateSchedules.read(template, template.resolver().build());
  }

  @Test
  void everyScheduleAndScheduleV2EventIsASourceAtItsRateInTemplateOrder(@TempDir Path dir)
      throws IOException {
    SamTemplate template =
        template(
            dir,
            """
                A:
                  Type: Schedule
                  Properties: { Schedule: rate(1 minute) }
                B:
                  Type: ScheduleV2
                  Properties: { ScheduleExpression: rate(5 minutes) }
                C:
                  Type: Schedule
                  Properties: { Schedule: rate(2 hours), Enabled: false }
                D:
                  Type: ScheduleV2
                  Properties: { ScheduleExpression: rate(1 day), State: DISABLED }
                E:
                  Type: Schedule
                  Properties: { Schedule: " rate( 3 days ) " }
            """);

    assertEquals(
        List.of(
            new ScheduleSource("F", "A", "rate(1 minute)", Duration.ofMinutes(1)),
            new ScheduleSource("F", "B", "rate(5 minutes)", Duration.ofMinutes(5)),
            new ScheduleSource("F", "E", "rate( 3 days )", Duration.ofDays(3))),
        read(template));
  }

  @Test
  void anExpressionTheToolDoesNotRunOrEventBridgeRefusesStopsTheReadingNamingTheEvent(
      @TempDir Path dir) throws IOException {
    for (String expression :
        List.of(
            "cron(0/5 * * * ? *)",
            "at(2026-12-06T12:00:00)",
            "rate(1 minutes)",
            "rate(2 minute)",
            "rate(0 minutes)",
            "rate(30 seconds)")) {
      SamTemplate template =
          template(
              dir,
              """
                  S:
                    Type: Schedule
                    Properties: { Schedule: "%s" }
              """
                  .formatted(expression));
      TemplateException refused = assertThrows(TemplateException.class, () -> read(template));
      assertTrue(
          refused.getMessage().contains("F Events.S.Properties.Schedule: " + expression),
          refused::getMessage);
    }
  }

  @Test
  void theEventIsTheOneAnEventBridgeRuleSendsOnSchedule() throws IOException {
    JsonNode event =
        new ObjectMapper()
            .readTree(
                LocalSchedules.event(
                    new ScheduleSource("F", "S", "rate(1 minute)", Duration.ofMinutes(1)),
                    "us-east-1",
                    "123456789012",
                    Instant.parse("2026-12-06T12:00:00.250Z")));

    assertEquals("Scheduled Event", event.path("detail-type").asText());
    assertEquals("aws.events", event.path("source").asText());
    assertEquals("2026-12-06T12:00:00Z", event.path("time").asText());
    assertEquals(
        "arn:aws:events:us-east-1:123456789012:rule/FS", event.path("resources").path(0).asText());
    assertTrue(event.path("detail").isObject() && event.path("detail").isEmpty());
  }

  /** A function F with the SAM {@code events} (YAML under {@code Events:}). */
  static SamTemplate template(Path dir, String events) throws IOException {
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
              Handler: dev.catalog.local.fixtures.EchoHandler::handleRequest
              Events:
        %s
        """
            .formatted(events.stripIndent().indent(8)));
    return SamTemplate.load(file);
  }
}

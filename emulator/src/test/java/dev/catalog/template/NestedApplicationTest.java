package dev.catalog.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.TemplateFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A nested application of a template file (templates/nested/app.yaml) is read with the template, its loops expanded,
 * what the outer template passes it is checked as CloudFormation checks a nested stack's parameters, and its values
 * can be read in the outer template's terms.
 */
class NestedApplicationTest {
  private static final SamTemplate APP = SamTemplate.load(TemplateFixtures.path("nested/app.yaml"));
  private static final NestedApplication ALARMS = APP.application("Alarms");

  private static Map<?, ?> alarm(String logicalId) {
    return ALARMS.template().resources().get(logicalId).properties();
  }

  @Test
  void theNestedTemplateIsReadFromItsLocationBesideTheTemplateWithItsLoopsExpanded() {
    assertEquals(TemplateFixtures.path("nested/alarms.yaml"), ALARMS.template().source());
    assertEquals(
        List.of("GetErrorsAlarm", "QueueAlarm"),
        List.copyOf(ALARMS.template().resources().keySet()));
    assertEquals(List.of("Alarms"), List.copyOf(APP.applications().keySet()));
    assertEquals(NestedApplication.TYPE, APP.resources().get("Alarms").type());
  }

  @Test
  void theParametersPassedAreThoseTheOuterTemplateWritesWithItsLoopsExpanded() {
    assertEquals(
        Map.of(
            "ApplicationStack",
            new Intrinsic(Intrinsic.REF, "AWS::StackName"),
            "ErrorsThreshold",
            new Intrinsic(Intrinsic.REF, "ErrorsThreshold"),
            "GetFunction",
            new Intrinsic(Intrinsic.REF, "GetFunction"),
            "Queue",
            new Intrinsic(Intrinsic.GET_ATT, List.of("Queue", "QueueName"))),
        ALARMS.parameters());
  }

  @Test
  void aRefToAParameterOfTheNestedTemplateIsWhatTheOuterTemplatePassesOrTheDefault() {
    Map<?, ?> errors = alarm("GetErrorsAlarm");
    assertEquals(
        new Intrinsic(Intrinsic.REF, "ErrorsThreshold"),
        ALARMS.inParentTerms(errors.get("Threshold")));
    assertEquals("300", ALARMS.inParentTerms(errors.get("Period")));
    assertEquals(
        List.of(
            Map.of("Name", "FunctionName", "Value", new Intrinsic(Intrinsic.REF, "GetFunction"))),
        ALARMS.inParentTerms(errors.get("Dimensions")));
    assertEquals(
        new Intrinsic(Intrinsic.GET_ATT, List.of("Queue", "QueueName")),
        ALARMS.inParentTerms(new Intrinsic(Intrinsic.REF, "Queue")));
  }

  @Test
  void inSubStringsParametersBecomeTheOuterReferencesAndLiteralsAndTheSubsOwnVariablesStay() {
    assertEquals(
        new Intrinsic(
            Intrinsic.SUB,
            "GetFunction of ${AWS::StackName}: errors above ${ErrorsThreshold} (${!Literal})"),
        ALARMS.inParentTerms(alarm("GetErrorsAlarm").get("AlarmDescription")));
    assertEquals(
        new Intrinsic(
            Intrinsic.SUB,
            List.of(
                "${Queue.QueueName} in ${Where}",
                Map.of("Where", new Intrinsic(Intrinsic.REF, "AWS::StackName")))),
        ALARMS.inParentTerms(alarm("QueueAlarm").get("AlarmDescription")));
  }

  @Test
  void askingForAnUnknownApplicationNamesTheOnesThereAre() {
    String message =
        assertThrows(TemplateException.class, () -> APP.application("Dashboards")).getMessage();
    assertTrue(message.contains("'Dashboards'") && message.contains("[Alarms]"), message);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            missing-parameter.yaml      | Resources.Alarms.Properties.Parameters does not pass Queue, which
            unknown-parameter.yaml      | Resources.Alarms.Properties.Parameters.Topic is passed, but
            repository-application.yaml | Resources.Alarms.Properties.Location must be the path of a template file beside repository-application.yaml
            url.yaml                    | Resources.Alarms.Properties.Location must be the path of a template file
            missing-file.yaml           | Resources.Alarms.Properties.Location 'no-such-alarms.yaml' is no file
            itself.yaml                 | Resources.Again.Properties.Location 'itself.yaml' nests a template that is already being read
            with-function.yaml          | Resources.Functions.Properties.Location '../../products-api.yaml' declares functions or tables
            """)
  void aNestedApplicationTheModelCannotReadOrThatCloudFormationWouldRefuseIsRefusedWithThePlace(
      String fixture, String problem) {
    Path file = TemplateFixtures.path("nested/broken/" + fixture);
    String message =
        assertThrows(TemplateException.class, () -> SamTemplate.load(file)).getMessage();
    assertTrue(message.startsWith(file + ": "), message);
    assertTrue(message.contains(problem), message);
  }
}

package dev.catalog.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * {@code Fn::ForEach} is expanded as the {@code AWS::LanguageExtensions} transform expands it, before anything else
 * reads the template (templates/foreach/loops.yaml), and what the model does not read as CloudFormation would is
 * refused with a message naming the place.
 */
class LanguageExtensionsTest {
  private static final Path LOOPS = TemplateFixtures.path("foreach/loops.yaml");
  private static final SamTemplate TEMPLATE = SamTemplate.load(LOOPS);

  private static Map<?, ?> properties(String logicalId) {
    Resource resource = TEMPLATE.resources().get(logicalId);
    assertTrue(
        resource != null, logicalId + " is generated; resources: " + TEMPLATE.resources().keySet());
    return resource.properties();
  }

  private static Intrinsic ref(String name) {
    return new Intrinsic(Intrinsic.REF, name);
  }

  @Test
  void eachLoopIsReplacedInPlaceByOneCopyOfItsFragmentPerValueInCollectionOrder() {
    assertEquals(
        List.of(
            "GetLogGroup",
            "PutLogGroup",
            "GetFunction",
            "PutFunction",
            "OrdersTable",
            "ItemsTable",
            "GetErrorsAlarm",
            "GetThrottlesAlarm",
            "PutErrorsAlarm",
            "PutThrottlesAlarm",
            "Routeconnect",
            "Routesubscribe"),
        List.copyOf(TEMPLATE.resources().keySet()));
    assertEquals("AWS::Logs::LogGroup", TEMPLATE.resources().get("PutLogGroup").type());
  }

  @Test
  void
      theIdentifierIsReplacedInFnSubStringsLeavingTextWhenNoVariableIsLeftAndARefToItBecomesTheValue() {
    assertEquals(
        new Intrinsic(Intrinsic.SUB, "/aws/lambda/${AWS::StackName}-PutFunction"),
        properties("PutLogGroup").get("LogGroupName"));
    Map<?, ?> alarm = properties("PutThrottlesAlarm");
    assertEquals("Throttles", alarm.get("MetricName"));
    assertEquals(
        new Intrinsic(Intrinsic.SUB, "PutFunction Throttles in ${AWS::Region}"),
        alarm.get("AlarmDescription"));
    // Only the branches of an Fn::If are substituted; its condition is named as written.
    assertEquals(
        new Intrinsic(Intrinsic.IF, List.of("IsDev", "dev-Put-Throttles", ref("AWS::NoValue"))),
        alarm.get("AlarmName"));
  }

  @Test
  void refAndGetAttNamedWithFnSubBecomePlainOnesThatTheResolverFollows() {
    assertEquals(
        List.of(Map.of("Name", "FunctionName", "Value", ref("GetFunction"))),
        properties("GetErrorsAlarm").get("Dimensions"));
    Object arn =
        ((Map<?, ?>)
                ((Map<?, ?>)
                        LanguageExtensions.apply(LOOPS, TemplateYaml.read(LOOPS)).get("Outputs"))
                    .get("GetLogGroupArn"))
            .get("Value");
    assertEquals(new Intrinsic(Intrinsic.GET_ATT, List.of("GetLogGroup", "Arn")), arn);
    assertEquals(
        "arn:aws:logs:us-east-1:123456789012:loggroup/local-GetLogGroup",
        TEMPLATE.resolver().build().resolveString(arn, "Outputs.GetLogGroupArn"));
  }

  @Test
  void nestedLoopsGenerateEveryCombinationOfTheirValues() {
    for (String name : List.of("Get", "Put")) {
      for (String metric : List.of("Errors", "Throttles")) {
        assertEquals(metric, properties(name + metric + "Alarm").get("MetricName"), name + metric);
      }
    }
  }

  @Test
  void ampersandTakesTheValueWithoutItsNonAlphanumericCharactersWhileDollarKeepsIt() {
    assertEquals("route $connect (connect)", properties("Routeconnect").get("DisplayName"));
    assertEquals("route sub-scribe (subscribe)", properties("Routesubscribe").get("DisplayName"));
  }

  @Test
  void aLoopInsideAResourcesPropertiesAddsKeysThatTheFunctionReaderSees() {
    FunctionDef get = TEMPLATE.function("GetFunction");
    assertEquals(
        List.of("MODE", "Orders_TABLE", "Items_TABLE"), List.copyOf(get.environment().keySet()));
    assertEquals(ref("ItemsTable"), get.environment().get("Items_TABLE"));
    assertEquals(
        Map.of(
            "MODE", "live", "Orders_TABLE", "local-OrdersTable", "Items_TABLE", "local-ItemsTable"),
        get.environment(TEMPLATE.resolver().build()));
    assertEquals(
        "test",
        TEMPLATE
            .function("GetFunction")
            .environment(TEMPLATE.resolver().parameter("StageName", "Dev").build())
            .get("MODE"),
        "the generated conditions are evaluated");
  }

  @Test
  void loopsInConditionsAndOutputsGenerateTheirEntries() {
    assertEquals(
        Map.of(
            "IsDev",
            new Intrinsic("Fn::Equals", List.of(ref("StageName"), "Dev")),
            "IsProd",
            new Intrinsic("Fn::Equals", List.of(ref("StageName"), "Prod"))),
        TEMPLATE.conditions());
    assertTrue(
        ((Map<?, ?>) TemplateYaml.read(LOOPS).get("Outputs")).containsKey("Fn::ForEach::Arns"));
    assertEquals(
        Map.of(
            "GetLogGroupArn",
            Map.of("Value", new Intrinsic(Intrinsic.GET_ATT, List.of("GetLogGroup", "Arn"))),
            "PutLogGroupArn",
            Map.of("Value", new Intrinsic(Intrinsic.GET_ATT, List.of("PutLogGroup", "Arn")))),
        LanguageExtensions.apply(LOOPS, TemplateYaml.read(LOOPS)).get("Outputs"));
  }

  @Test
  void aMappingWhoseOnlyKeyIsALoopIsNotReadAsAnIntrinsicFunction() {
    Map<?, ?> resources =
        (Map<?, ?>)
            TemplateYaml.read(TemplateFixtures.path("foreach/broken/no-transform.yaml"))
                .get("Resources");
    assertEquals(List.of("Fn::ForEach::Topics"), List.copyOf(resources.keySet()));
    assertFalse(Intrinsic.fromLongForm(resources).isPresent());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            no-transform.yaml            | Transform must include AWS::LanguageExtensions for Fn::ForEach
            serverless-first.yaml        | Transform lists AWS::Serverless-2016-10-31 before AWS::LanguageExtensions
            ref-collection.yaml          | Resources.Fn::ForEach::Topics: the collection must be a literal list of strings, found intrinsic Ref
            number-in-collection.yaml    | Resources.Fn::ForEach::Topics: the collection must be a literal list of strings, found '2' in it
            key-without-identifier.yaml  | Resources.Fn::ForEach::Topics: the output key Topic must contain ${Name} or &{Name}
            generated-twice.yaml         | Resources: the key TopicA (written beside a loop) is already there
            same-alphanumerics.yaml      | the key Topicdefault (for Key = default) is already there
            plain-string.yaml            | Resources.Fn::ForEach::Topics[A].TopicA.Properties.DisplayName: the plain string 'topic ${Name}' names the loop identifier Name
            ref-string.yaml              | Ref 'Queue${Name}' names the loop identifier Name in a plain string, which is not substituted
            dotted-getatt.yaml           | Fn::GetAtt 'Queue${Name}.QueueName' names the loop identifier Name in a plain string
            sub-name-with-variables.yaml | the name 'QueueA${AWS::Region}' still has variables
            in-parameters.yaml           | Parameters.Fn::ForEach::Names: Fn::ForEach cannot be used in Parameters
            not-three-items.yaml         | Fn::ForEach takes a list of three items
            identifier-reused.yaml       | Fn::ForEach::Inner: the identifier Name is already the identifier of an enclosing loop
            loop-name-twice.yaml         | Outputs.Fn::ForEach::Topics: the loop name Topics is used twice
            loop-name-is-resource.yaml   | Resources.Fn::ForEach::TopicA: the loop name TopicA is also the logical id of a resource
            """)
  void whatTheModelCannotExpandAsCloudFormationWouldIsRefusedWithThePlace(
      String fixture, String problem) {
    Path file = TemplateFixtures.path("foreach/broken/" + fixture);
    String message =
        assertThrows(TemplateException.class, () -> SamTemplate.load(file)).getMessage();
    assertTrue(message.startsWith(file + ": "), message);
    assertTrue(message.contains(problem), message);
  }
}

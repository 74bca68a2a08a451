package dev.catalog.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catalog.testing.TemplateFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicResolverTest {
  private static final SamTemplate TEMPLATE = SamTemplate.load(TemplateFixtures.INTRINSICS);
  private static final Map<?, ?> OUTPUTS =
      (Map<?, ?>) TemplateYaml.read(TemplateFixtures.INTRINSICS).get("Outputs");
  private static final IntrinsicResolver LOCAL =
      TEMPLATE
          .resolver()
          .parameter("Required", "given")
          .physicalName("ProductsTable", "products-abc")
          .build();

  private static Object resolve(IntrinsicResolver resolver, String output) {
    return resolver.resolve(((Map<?, ?>) OUTPUTS.get(output)).get("Value"), "Outputs." + output);
  }

  private static Object resolve(String output) {
    return resolve(LOCAL, output);
  }

  private static String failure(String output) {
    return assertThrows(TemplateException.class, () -> resolve(output)).getMessage();
  }

  @Test
  void aTopicsRefIsItsArnAndAQueuesItsUrlAsInCloudFormation() {
    SamTemplate events = SamTemplate.load(TemplateFixtures.path("local-events.yaml"));
    IntrinsicResolver local = events.resolver().build();
    assertEquals(
        "arn:aws:sns:us-east-1:123456789012:local-EventsTopic",
        local.resolveString(new Intrinsic(Intrinsic.REF, "EventsTopic"), "test"));
    assertEquals(
        "audit-events",
        local.resolveString(
            new Intrinsic(Intrinsic.GET_ATT, List.of("AuditTopic", "TopicName")), "test"));
    assertEquals(
        "https://sqs.us-east-1.amazonaws.com/123456789012/local-FailureQueue",
        local.resolveString(new Intrinsic(Intrinsic.REF, "FailureQueue"), "test"));
    assertEquals(
        "arn:aws:sqs:us-east-1:123456789012:local-FailureQueue",
        local.resolveString(
            new Intrinsic(Intrinsic.GET_ATT, List.of("FailureQueue", "Arn")), "test"));
  }

  @Test
  void samsRefToAFunctionsAliasIsTheAliasArnAndItsGetAttAliasTheSame() {
    String alias = "arn:aws:lambda:us-east-1:123456789012:function:local-EchoFunction:live";
    assertEquals(
        alias, LOCAL.resolveString(new Intrinsic(Intrinsic.REF, "EchoFunction.Alias"), "test"));
    assertEquals(
        alias,
        LOCAL.resolveString(
            new Intrinsic(Intrinsic.GET_ATT, List.of("EchoFunction", "Alias")), "test"));
    var error =
        assertThrows(
            TemplateException.class,
            () -> LOCAL.resolveString(new Intrinsic(Intrinsic.REF, "ProductsTable.Alias"), "test"));
    assertTrue(
        error.getMessage().contains("'ProductsTable.Alias' is neither a parameter nor a resource"),
        error.getMessage());
  }

  @Test
  void refToAParameterYieldsTheGivenValueElseTheDefault() {
    assertEquals("v1", resolve("RefParameter"));
    assertEquals("v1", resolve("LongRef"));
    assertEquals("42", resolve("RefNumberParameter"));
    assertEquals(
        "prod",
        resolve(TEMPLATE.resolver().parameter("StageName", "prod").build(), "RefParameter"));
    assertEquals(List.of("https://a.example", "https://b.example"), resolve("RefListParameter"));
  }

  @Test
  void refToAParameterWithNoDefaultAndNoValueNamesTheParameter() {
    var error =
        assertThrows(
            TemplateException.class, () -> resolve(TEMPLATE.resolver().build(), "RefRequired"));
    assertTrue(
        error.getMessage().contains("Outputs.RefRequired: parameter Required has no Default"),
        error.getMessage());
  }

  @Test
  void refToAResourceYieldsTheSuppliedNameElseStackAndLogicalId() {
    assertEquals("products-abc", resolve("RefTable"));
    assertEquals(
        "local-ProductsTable",
        resolve(TEMPLATE.resolver().parameter("Required", "x").build(), "RefTable"));
    assertEquals(
        "shop-ProductsTable", resolve(TEMPLATE.resolver().stackName("shop").build(), "RefTable"));
  }

  @Test
  void refToASecretYieldsItsArnAsInCloudFormation() {
    assertEquals(
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:local-CursorSigningSecret",
        resolve("RefSecret"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "Region, us-east-1",
    "AccountId, 123456789012",
    "StackName, local",
    "Partition, aws",
    "UrlSuffix, amazonaws.com"
  })
  void pseudoParametersHaveLocalValues(String output, String expected) {
    assertEquals(expected, resolve(output));
  }

  @Test
  void pseudoParametersFollowTheBuilder() {
    IntrinsicResolver resolver =
        TEMPLATE.resolver().region("eu-west-1").accountId("000000000000").build();
    assertEquals("eu-west-1", resolve(resolver, "Region"));
    assertEquals("000000000000", resolve(resolver, "AccountId"));
  }

  @Test
  void getAttArnIsAPlausibleLocalArn() {
    assertEquals(
        "arn:aws:dynamodb:us-east-1:123456789012:table/products-abc", resolve("GetAttDotted"));
    assertEquals(
        "arn:aws:dynamodb:us-east-1:123456789012:table/products-abc/stream/1970-01-01T00:00:00.000",
        resolve("GetAttList"));
    assertEquals(
        "arn:aws:lambda:us-east-1:123456789012:function:local-EchoFunction", resolve("LongGetAtt"));
  }

  @Test
  void getAttOfAnAttributeWithoutLocalValueSaysWhich() {
    assertTrue(
        failure("GetAttUnknownAttribute")
            .contains(
                "Outputs.GetAttUnknownAttribute: attribute Endpoint.Address of ProductsTable (AWS::DynamoDB::Table)"));
  }

  @Test
  void subReplacesNamesAttributesAndKeepsEscapedLiterals() {
    assertEquals("products-abc@us-east-1/v1", resolve("SubNames"));
    assertEquals(
        "arn=arn:aws:dynamodb:us-east-1:123456789012:table/products-abc", resolve("SubAttribute"));
    assertEquals("${Literal}-v1", resolve("SubEscape"));
    assertEquals("stage-v1", resolve("LongSub"));
  }

  @Test
  void subListFormVariablesWinAndMayBeIntrinsics() {
    assertEquals("https://api.us-east-1.example/v1", resolve("SubList"));
  }

  @Test
  void joinSelectSplitAndBase64ComposeAsInCloudFormation() {
    assertEquals("a|v1|c", resolve("Join"));
    assertEquals("https://a.example;https://b.example", resolve("JoinListParameter"));
    assertEquals("y", resolve("Select"));
    assertEquals(List.of("a", "b", "", "c"), resolve("Split"));
    assertEquals("aGVsbG8=", resolve("Base64"));
    assertTrue(failure("SelectOutOfRange").contains("Fn::Select index 5 is outside the list of 2"));
  }

  @Test
  void secretReferencesResolveToTheSecretsLocalValue() {
    IntrinsicResolver resolver =
        TEMPLATE.resolver().secret("CursorSigningSecret", "hmac-key").build();
    assertEquals("hmac-key", resolve(resolver, "SecretReference"));
    assertEquals("key=not-so-secret", resolve(resolver, "SecretReferenceByName"));
  }

  @Test
  void generatedSecretsAreRandomPerResolverAndStableWithinOne() {
    Object first = resolve("SecretReference");
    assertEquals(first, resolve("SecretReference"));
    assertNotEquals(first, resolve(TEMPLATE.resolver().build(), "SecretReference"));
    assertTrue(first.toString().length() >= 40, first.toString());
  }

  @ParameterizedTest(name = "{0} fails naming {1}")
  @CsvSource({
    "ImportValue, Fn::ImportValue",
    "LongImportValue, Fn::ImportValue",
    "GetAZs, Fn::GetAZs",
    "Cidr, Fn::Cidr",
    "Equals, Fn::Equals"
  })
  void unsupportedIntrinsicsFailNamingFilePropertyAndFunction(String output, String function) {
    String message = failure(output);
    assertTrue(
        message.startsWith(
            TemplateFixtures.INTRINSICS + ": cannot resolve Outputs." + output + ": "),
        message);
    assertTrue(message.contains(function + " is not supported locally"), message);
  }

  @Test
  void ifEvaluatesTheTemplatesConditionsWithTheLocalParameters() {
    assertEquals("small", resolve("If"));
    assertEquals("big", resolve(TEMPLATE.resolver().parameter("StageName", "prod").build(), "If"));
    assertEquals("small", resolve("IfNested"));
    assertEquals("big", resolve(TEMPLATE.resolver().parameter("Size", "1").build(), "IfNested"));
    assertTrue(failure("IfUnknownCondition").contains("no condition 'IsNowhere' in Conditions"));
    assertTrue(
        failure("IfCyclicCondition").contains("condition 'Loop' refers to itself through [Loop]"));
  }

  @Test
  void findInMapWalksMappingsAndNamesAMissingKey() {
    assertEquals(512, resolve("FindInMap"));
    assertTrue(failure("FindInMapMissing").contains("Fn::FindInMap: Mappings has no Sizes > v9"));
  }

  @Test
  void unknownNamesAndUnsupportedDynamicReferencesFailClearly() {
    assertTrue(failure("RefUnknown").contains("'Nowhere' is neither a parameter nor a resource"));
    assertTrue(failure("SsmReference").contains("{{resolve:ssm:...}} is not supported locally"));
  }

  @Test
  void functionEnvironmentIsResolvedAndNoValueVariablesAreDropped() {
    IntrinsicResolver resolver =
        TEMPLATE
            .resolver()
            .physicalName("ProductsTable", "products-abc")
            .secret("CursorSigningSecret", "k")
            .build();
    assertEquals(
        Map.of("TABLE", "products-abc", "KEY", "k"),
        TEMPLATE.function("EchoFunction").environment(resolver));
  }

  @Test
  void numbersWrittenAsIntrinsicsUseParameterDefaults() {
    assertEquals(42, TEMPLATE.function("EchoFunction").timeoutSeconds());
    assertEquals("handleRequest", TEMPLATE.function("EchoFunction").handlerMethod());
  }

  @Test
  void builderRejectsNamesTheTemplateDoesNotHave() {
    assertThrows(TemplateException.class, () -> TEMPLATE.resolver().parameter("Nope", "x"));
    assertThrows(TemplateException.class, () -> TEMPLATE.resolver().physicalName("NopeTable", "x"));
    assertThrows(TemplateException.class, () -> TEMPLATE.resolver().secret("ProductsTable", "x"));
  }
}

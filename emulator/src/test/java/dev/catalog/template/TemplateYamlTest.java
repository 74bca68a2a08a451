package dev.catalog.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.testing.TemplateFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateYamlTest {
  private static final Map<?, ?> OUTPUTS =
      (Map<?, ?>) TemplateYaml.read(TemplateFixtures.INTRINSICS).get("Outputs");

  private static Object value(String output) {
    return ((Map<?, ?>) OUTPUTS.get(output)).get("Value");
  }

  private static Intrinsic ref(String name) {
    return new Intrinsic("Ref", name);
  }

  @Test
  void shortAndLongRefAreTheSameIntrinsic() {
    assertEquals(ref("StageName"), value("RefParameter"));
    assertEquals(ref("StageName"), value("LongRef"));
    assertEquals(ref("AWS::Region"), value("Region"));
  }

  @Test
  void getAttDottedAndListFormsBothBecomeResourceAndAttribute() {
    assertEquals(
        new Intrinsic("Fn::GetAtt", List.of("ProductsTable", "Arn")), value("GetAttDotted"));
    assertEquals(
        new Intrinsic("Fn::GetAtt", List.of("ProductsTable", "StreamArn")), value("GetAttList"));
    assertEquals(new Intrinsic("Fn::GetAtt", List.of("EchoFunction", "Arn")), value("LongGetAtt"));
    // Only the first dot separates the resource: the attribute keeps its own dots.
    assertEquals(
        new Intrinsic("Fn::GetAtt", List.of("ProductsTable", "Endpoint.Address")),
        value("GetAttUnknownAttribute"));
  }

  @Test
  void subKeepsStringAndListFormsWithNestedIntrinsics() {
    assertEquals(new Intrinsic("Fn::Sub", "${!Literal}-${StageName}"), value("SubEscape"));
    assertEquals(
        new Intrinsic(
            "Fn::Sub",
            List.of(
                "${Scheme}://${Host}/${StageName}",
                Map.of(
                    "Scheme",
                    "https",
                    "Host",
                    new Intrinsic(
                        "Fn::Join", List.of(".", List.of("api", ref("AWS::Region"), "example")))))),
        value("SubList"));
    assertEquals(new Intrinsic("Fn::Sub", "stage-${StageName}"), value("LongSub"));
  }

  @ParameterizedTest(name = "{0} is read as {1}")
  @CsvSource({
    "Join, Fn::Join", "Select, Fn::Select", "Split, Fn::Split", "Base64, Fn::Base64",
    "ImportValue, Fn::ImportValue", "If, Fn::If", "FindInMap, Fn::FindInMap", "Cidr, Fn::Cidr",
    "Equals, Fn::Equals", "LongImportValue, Fn::ImportValue", "GetAZs, Fn::Select"
  })
  void everyShortTagBecomesItsLongFunctionName(String output, String function) {
    assertEquals(function, ((Intrinsic) value(output)).function());
  }

  @Test
  void tagsNestInsideOtherTags() {
    assertEquals(
        new Intrinsic("Fn::Select", List.of(0, new Intrinsic("Fn::GetAZs", ""))), value("GetAZs"));
    assertEquals(new Intrinsic("Fn::If", List.of("IsProd", "big", "small")), value("If"));
  }

  @Test
  void aMappingWithMoreThanOneKeyIsNotAnIntrinsic() {
    assertEquals(Map.of("Ref", "StageName", "Other", "x"), value("NotAnIntrinsic"));
  }
}

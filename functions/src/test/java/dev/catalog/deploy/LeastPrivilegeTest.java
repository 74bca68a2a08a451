package dev.catalog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.catalog.local.iam.FunctionPolicy;
import dev.catalog.local.iam.IamCall;
import dev.catalog.local.iam.Statement;
import dev.catalog.local.iam.TemplatePolicies;
import dev.catalog.template.SamTemplate;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.IamRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege proof: every AWS call the functions of template.yaml made during this run of the suite
 * (contract tests in-process and through the local API, SnapStart priming included; {@link IamRecord}), checked
 * against each function's template policy in both directions. Every call was allowed, or the deploy or the request
 * would fail in AWS; every granted action was used by some call, or carries a comment above its statement saying why
 * ({@value TemplateGrants#MARK}), so nothing is granted by accident.
 *
 * <p>It runs last ({@link ClassOrderer.OrderAnnotation}, see junit-platform.properties), over what the whole run
 * recorded; run alone it has nothing to check, and says so.
 */
@Order(Integer.MAX_VALUE)
class LeastPrivilegeTest {
  static final SamTemplate TEMPLATE = SamTemplate.load(DynamoDbLocal.TEMPLATE);

  /** The policies with each table named by its logical id, the form {@link IamRecord} keeps calls in. */
  static Map<String, FunctionPolicy> policies() {
    Map<String, String> tables = new LinkedHashMap<>();
    TEMPLATE.tables().keySet().forEach(id -> tables.put(id, id));
    return TemplatePolicies.read(TEMPLATE, TEMPLATE.resolver().physicalNames(tables).build());
  }

  static List<IamCall> recorded() {
    List<IamCall> calls = IamRecord.calls();
    assertFalse(
        calls.isEmpty(),
        "No AWS call was recorded in this test JVM: this test checks what the whole suite"
            + " recorded, so run it with the others (./mvnw verify)");
    return calls;
  }

  @Test
  void everyCallEveryFunctionMadeDuringTheSuiteWasAllowedByItsTemplatePolicy() {
    List<String> denied =
        recorded().stream()
            .filter(call -> !call.allowed())
            .map(call -> "AccessDeniedException: " + call.message())
            .sorted()
            .distinct()
            .toList();
    assertEquals(List.of(), denied, "calls outside the functions' policies in template.yaml");
  }

  @Test
  void everyActionTheTemplateGrantsWasUsedBySomeCallOrSaysWhyNot() {
    List<IamCall> allowed = recorded().stream().filter(IamCall::allowed).toList();
    TemplateGrants comments = new TemplateGrants(DynamoDbLocal.TEMPLATE);
    List<String> unused = new ArrayList<>();
    policies()
        .forEach(
            (function, policy) -> {
              for (Statement statement : policy.statements()) {
                if (!statement.allow()
                    || comments.explainedAsUnexercised(function, statement.sid())) {
                  continue;
                }
                for (String action : statement.actions()) {
                  for (String resource : statement.resources()) {
                    Statement grant =
                        new Statement(statement.sid(), true, List.of(action), List.of(resource));
                    if (allowed.stream()
                        .noneMatch(
                            call ->
                                call.function().equals(function)
                                    && grant.covers(call.action(), call.resource()))) {
                      unused.add(
                          function
                              + " statement "
                              + statement.sid()
                              + " grants "
                              + action
                              + " on "
                              + resource);
                    }
                  }
                }
              }
            });
    assertEquals(
        List.of(),
        unused,
        "granted in template.yaml but never called by the suite: use it in a test, remove"
            + " it, or say why in a comment above its Sid containing '"
            + TemplateGrants.MARK
            + "'");
  }
}

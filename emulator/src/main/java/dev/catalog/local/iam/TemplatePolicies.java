package dev.catalog.local.iam;

import dev.catalog.template.Intrinsic;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.Resource;
import dev.catalog.template.SamTemplate;
import dev.catalog.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every function's policy, read from its {@code Policies} property and resolved with a resolver of local values
 * (table names, region, account), so the resources are the ARNs the function's calls will name. A function without
 * {@code Policies} may do nothing (SAM's default role only writes logs and traces), except what SAM adds to the
 * generated role for its {@code Type: DynamoDB} events ({@link SamPolicyTemplates#dynamoDbEvent}): every stream of
 * the account, and the on-failure destination only when the event gives its {@code Type}.
 *
 * <p>Inline policy documents are understood, and SAM's DynamoDB and SNS-publish policy templates
 * ({@link SamPolicyTemplates}). Other
 * policy templates, managed policy names and ARNs, conditions, {@code NotAction} and {@code NotResource} stop the
 * reading with a message naming the function, since guessing what they grant would hide a real difference.
 */
public final class TemplatePolicies {
  private TemplatePolicies() {}

  /** By function logical id, in template order. */
  public static Map<String, FunctionPolicy> read(SamTemplate template, IntrinsicResolver resolver) {
    Map<String, FunctionPolicy> policies = new LinkedHashMap<>();
    String region = region(resolver);
    String accountId = accountId(resolver);
    for (String function : template.functions().keySet()) {
      Resource resource = template.resources().get(function);
      Object declared = resource.properties().get("Policies");
      String where = function + " Policies";
      Object resolved = declared == null ? List.of() : resolver.resolve(declared, where);
      List<?> documents = resolved instanceof List<?> list ? list : List.of(resolved);
      List<Statement> statements = new ArrayList<>();
      for (Object document : documents) {
        statements.addAll(statements(template, where, document, region, accountId));
      }
      statements.addAll(eventStatements(template, resolver, resource));
      policies.put(function, new FunctionPolicy(function, statements));
    }
    return policies;
  }

  /** The local region, as the template's {@code AWS::Region} resolves. */
  public static String region(IntrinsicResolver resolver) {
    return resolver.resolveString(new Intrinsic(Intrinsic.REF, "AWS::Region"), "AWS::Region");
  }

  /** The local account id, as the template's {@code AWS::AccountId} resolves. */
  public static String accountId(IntrinsicResolver resolver) {
    return resolver.resolveString(new Intrinsic(Intrinsic.REF, "AWS::AccountId"), "AWS::AccountId");
  }

  private static List<Statement> statements(
      SamTemplate template, String where, Object document, String region, String accountId) {
    if (document instanceof Map<?, ?> map
        && map.size() == 1
        && SamPolicyTemplates.DYNAMODB.containsKey(
            String.valueOf(map.keySet().iterator().next()))) {
      return List.of(
          SamPolicyTemplates.dynamoDb(
              String.valueOf(map.keySet().iterator().next()),
              map.values().iterator().next(),
              region,
              accountId));
    }
    if (document instanceof Map<?, ?> map
        && map.size() == 1
        && map.containsKey(SamPolicyTemplates.SNS_PUBLISH)) {
      return List.of(
          SamPolicyTemplates.snsPublish(
              map.get(SamPolicyTemplates.SNS_PUBLISH), region, accountId));
    }
    if (!(document instanceof Map<?, ?> map) || !map.containsKey("Statement")) {
      throw unsupported(
          template,
          where,
          "only inline policy documents are emulated, not "
              + (document instanceof Map<?, ?> m
                  ? "the policy template " + m.keySet()
                  : "'" + document + "'"));
    }
    Object declared = map.get("Statement");
    List<?> list = declared instanceof List<?> l ? l : List.of(declared);
    List<Statement> statements = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> statement)) {
        throw unsupported(template, where, "a Statement must be a mapping");
      }
      for (String key : List.of("Condition", "NotAction", "NotResource", "Principal")) {
        if (statement.containsKey(key)) {
          throw unsupported(template, where, key + " is not emulated");
        }
      }
      String sid =
          statement.get("Sid") == null
              ? "#" + (statements.size() + 1)
              : statement.get("Sid").toString();
      String effect = String.valueOf(statement.get("Effect"));
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        throw unsupported(
            template, where, "statement " + sid + " has Effect " + effect + ", not Allow or Deny");
      }
      statements.add(
          new Statement(
              sid,
              effect.equals("Allow"),
              strings(statement.get("Action")),
              strings(statement.get("Resource"))));
    }
    return statements;
  }

  /** What SAM adds to the function's role for each of its {@code Type: DynamoDB} events, in template order. */
  private static List<Statement> eventStatements(
      SamTemplate template, IntrinsicResolver resolver, Resource function) {
    List<Statement> statements = new ArrayList<>();
    if (function.properties().get("Events") instanceof Map<?, ?> events) {
      events.forEach(
          (name, declared) -> {
            if (declared instanceof Map<?, ?> event && "DynamoDB".equals(event.get("Type"))) {
              String where = function.logicalId() + " Events." + name;
              Object properties = resolver.resolve(event.get("Properties"), where + ".Properties");
              try {
                statements.addAll(
                    SamPolicyTemplates.dynamoDbEvent(
                        function.logicalId(),
                        String.valueOf(name),
                        properties instanceof Map<?, ?> map ? map : Map.of()));
              } catch (IllegalArgumentException e) {
                throw unsupported(template, where, e.getMessage());
              }
            }
          });
    }
    return statements;
  }

  private static List<String> strings(Object value) {
    return value == null
        ? List.of()
        : value instanceof List<?> list
            ? list.stream().map(String::valueOf).toList()
            : List.of(String.valueOf(value));
  }

  private static TemplateException unsupported(SamTemplate template, String where, String problem) {
    return new TemplateException(template.source() + ": " + where + ": " + problem);
  }
}

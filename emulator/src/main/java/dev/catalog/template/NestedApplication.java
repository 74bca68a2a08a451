package dev.catalog.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@code AWS::Serverless::Application} whose {@code Location} is a template file beside the template: SAM's nested
 * application, which CloudFormation creates as a nested stack. The nested template sees the outer one's resources only
 * through the {@code Parameters} it is passed.
 *
 * @param logicalId the application's key under {@code Resources}
 * @param template the nested template, read and checked like the outer one
 * @param parameters the {@code Parameters} the outer template passes, by name, unresolved
 */
public record NestedApplication(
    String logicalId, SamTemplate template, Map<String, Object> parameters) {
  public static final String TYPE = "AWS::Serverless::Application";

  public NestedApplication {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * A value of the nested template in the outer template's terms: a {@code Ref} to one of its parameters becomes the
   * value the outer template passes (else the parameter's {@code Default}), and in an {@code Fn::Sub} string a
   * {@code ${Parameter}} becomes {@code ${X}} or {@code ${X.Attribute}} when the outer template passes a
   * {@code Ref} or {@code Fn::GetAtt}, or the text it passes. Anything else stays as written.
   */
  public Object inParentTerms(Object value) {
    return switch (value) {
      case Intrinsic(String function, Object argument)
          when function.equals(Intrinsic.REF)
              && argument instanceof String name
              && template.parameters().containsKey(name) ->
          passed(name);
      case Intrinsic(String function, Object argument) when function.equals(Intrinsic.SUB) ->
          sub(argument);
      case Intrinsic(String function, Object argument) ->
          new Intrinsic(function, inParentTerms(argument));
      case Map<?, ?> map -> {
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((key, item) -> copy.put(key, inParentTerms(item)));
        yield copy;
      }
      case List<?> list -> {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(item -> copy.add(inParentTerms(item)));
        yield copy;
      }
      case null, default -> value;
    };
  }

  private Object passed(String parameter) {
    Object value = parameters.get(parameter);
    return value != null ? value : template.parameters().get(parameter).defaultValue().orElse(null);
  }

  private Intrinsic sub(Object argument) {
    if (argument instanceof String text) {
      return new Intrinsic(Intrinsic.SUB, rewrite(text, Set.of()));
    }
    if (argument instanceof List<?> parts
        && parts.size() == 2
        && parts.get(0) instanceof String text
        && parts.get(1) instanceof Map<?, ?> variables) {
      Set<String> own = new java.util.HashSet<>();
      variables.keySet().forEach(name -> own.add(String.valueOf(name)));
      return new Intrinsic(Intrinsic.SUB, List.of(rewrite(text, own), inParentTerms(variables)));
    }
    return new Intrinsic(Intrinsic.SUB, inParentTerms(argument));
  }

  /** The Sub text with each parameter variable (not shadowed by the Sub's own variables) written in outer terms. */
  private String rewrite(String text, Set<String> own) {
    return SubTemplate.rewrite(
        text,
        name -> {
          if (own.contains(name) || !template.parameters().containsKey(name)) {
            return null;
          }
          return switch (passed(name)) {
            case String literal -> literal;
            case Intrinsic(String function, Object argument)
                when function.equals(Intrinsic.REF) && argument instanceof String resource ->
                "${" + resource + "}";
            case Intrinsic(String function, Object argument)
                when function.equals(Intrinsic.GET_ATT)
                    && argument instanceof List<?> parts
                    && parts.size() == 2 ->
                "${" + parts.get(0) + "." + parts.get(1) + "}";
            case Intrinsic(String function, Object argument)
                when function.equals(Intrinsic.SUB) && argument instanceof String outer ->
                outer;
            case null, default -> null;
          };
        });
  }
}

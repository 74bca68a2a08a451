package dev.catalog.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Evaluates the template's {@code Conditions} ({@code Fn::Equals}, {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not},
 * {@code Condition}) against the local parameter values, for {@code Fn::If}. Failures are
 * {@link LocalResources.Unresolvable}; the resolver adds where they happened.
 */
final class TemplateConditions {
  private final Map<String, Object> conditions;
  private final BiFunction<Object, String, String> strings;

  /** {@code strings} resolves an operand of {@code Fn::Equals} (a Ref to a parameter, most often) to text. */
  TemplateConditions(Map<String, Object> conditions, BiFunction<Object, String, String> strings) {
    this.conditions = conditions;
    this.strings = strings;
  }

  boolean isTrue(String name, String where) {
    return isTrue(name, where, List.of());
  }

  /** {@code chain} holds the conditions being evaluated, so a cycle is reported instead of overflowing the stack. */
  private boolean isTrue(String name, String where, List<String> chain) {
    if (!conditions.containsKey(name)) {
      throw new LocalResources.Unresolvable(
          "no condition '" + name + "' in Conditions " + conditions.keySet());
    }
    if (chain.contains(name)) {
      throw new LocalResources.Unresolvable(
          "condition '" + name + "' refers to itself through " + chain);
    }
    List<String> longer = new ArrayList<>(chain);
    longer.add(name);
    return evaluate(conditions.get(name), where, longer);
  }

  private boolean evaluate(Object expression, String where, List<String> chain) {
    if (!(expression instanceof Intrinsic(String function, Object argument))) {
      throw new LocalResources.Unresolvable(
          "condition "
              + chain.getLast()
              + " must be a condition function,"
              + " found "
              + TemplateSection.describe(expression));
    }
    return switch (function) {
      case "Fn::Equals" -> {
        List<?> operands = operands(function, argument);
        if (operands.size() != 2) {
          throw new LocalResources.Unresolvable("Fn::Equals takes two values");
        }
        yield strings.apply(operands.get(0), where).equals(strings.apply(operands.get(1), where));
      }
      case "Fn::And" ->
          operands(function, argument).stream()
              .allMatch(operand -> evaluate(operand, where, chain));
      case "Fn::Or" ->
          operands(function, argument).stream()
              .anyMatch(operand -> evaluate(operand, where, chain));
      case "Fn::Not" -> !evaluate(operands(function, argument).getFirst(), where, chain);
      case Intrinsic.CONDITION -> isTrue(String.valueOf(argument), where, chain);
      default -> throw new LocalResources.Unresolvable(function + " is not a condition function");
    };
  }

  private static List<?> operands(String function, Object argument) {
    if (!(argument instanceof List<?> list) || list.isEmpty()) {
      throw new LocalResources.Unresolvable(function + " takes a list");
    }
    return list;
  }
}

package dev.catalog.template;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The string of an {@code Fn::Sub}: {@code ${Name}} and {@code ${Name.Attr}} are variables, {@code ${!Text}} is a literal {@code ${Text}}. */
final class SubTemplate {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

  private SubTemplate() {}

  /** Whether the text has a variable, not only literals. */
  static boolean hasVariables(String text) {
    Matcher matcher = VARIABLE.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The text with every variable replaced by {@code values.apply(name)}. */
  static String render(String text, UnaryOperator<String> values) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(2);
      String replacement = matcher.group(1).isEmpty() ? values.apply(name) : "${" + name + "}";
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /**
   * The text with some variables written differently: {@code replacement} gives the new text of a variable, or
   * {@code null} to keep it; literals ({@code ${!Text}}) are kept as written.
   */
  static String rewrite(String text, UnaryOperator<String> replacement) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String replaced = matcher.group(1).isEmpty() ? replacement.apply(matcher.group(2)) : null;
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(replaced == null ? matcher.group() : replaced));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}

package dev.catalog.local.iam;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One statement of an identity-based policy, resolved: its effect, actions and resource ARNs, with IAM's wildcards
 * ({@code *} any run of characters, {@code ?} one character; actions compare without regard to case, ARNs with it).
 *
 * @param sid the statement's Sid, or {@code #n} (its position) without one
 */
public record Statement(String sid, boolean allow, List<String> actions, List<String> resources) {
  public Statement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
  }

  /** True when this statement names the action and the resource. */
  public boolean covers(String action, String resource) {
    return actions.stream()
            .anyMatch(
                pattern ->
                    matches(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)))
        && resources.stream().anyMatch(pattern -> matches(pattern, resource));
  }

  static boolean matches(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (String literal : pattern.split("((?<=[*?])|(?=[*?]))")) {
      regex.append(
          switch (literal) {
            case "*" -> ".*";
            case "?" -> ".";
            default -> Pattern.quote(literal);
          });
    }
    return Pattern.matches(regex.toString(), value);
  }
}

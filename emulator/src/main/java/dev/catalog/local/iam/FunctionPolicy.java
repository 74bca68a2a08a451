package dev.catalog.local.iam;

import java.util.List;

/**
 * What one function's role may do: the statements of its template {@code Policies}, evaluated as IAM evaluates
 * identity-based policies: an explicit Deny wins, else an Allow grants, else the call is denied implicitly.
 *
 * @param function the function's logical id, also the access key id its calls are signed with
 */
public record FunctionPolicy(String function, List<Statement> statements) {
  /** The outcome of one evaluation. */
  public enum Decision {
    ALLOWED,
    EXPLICIT_DENY,
    IMPLICIT_DENY
  }

  public FunctionPolicy {
    statements = List.copyOf(statements);
  }

  public Decision evaluate(String action, String resource) {
    boolean allowed = false;
    for (Statement statement : statements) {
      if (statement.covers(action, resource)) {
        if (!statement.allow()) {
          return Decision.EXPLICIT_DENY;
        }
        allowed = true;
      }
    }
    return allowed ? Decision.ALLOWED : Decision.IMPLICIT_DENY;
  }
}

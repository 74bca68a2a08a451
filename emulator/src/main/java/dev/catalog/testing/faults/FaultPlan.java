package dev.catalog.testing.faults;

import java.util.Set;

/**
 * Decides, for each call reaching the {@link FaultProxy}, which fault (if any) it meets: by operation (the
 * {@code X-Amz-Target} action, e.g. {@code PutItem}) and by the call's number among that operation's calls since the
 * plan was installed (1 for the first).
 */
@FunctionalInterface
public interface FaultPlan {
  /** The fault for this call, or null to pass it through. */
  Fault faultFor(String operation, int callNumber);

  /** Every call passes through. */
  static FaultPlan none() {
    return (operation, callNumber) -> null;
  }

  /** The {@code n}-th call of {@code operation} meets {@code fault}; all others pass. */
  static FaultPlan nth(String operation, int n, Fault fault) {
    return (op, number) -> op.equals(operation) && number == n ? fault : null;
  }

  /** The first {@code count} calls of any of {@code operations} meet {@code fault}. */
  static FaultPlan first(Set<String> operations, int count, Fault fault) {
    return (op, number) -> operations.contains(op) && number <= count ? fault : null;
  }

  /** Every call of {@code operation} meets {@code fault}. */
  static FaultPlan always(String operation, Fault fault) {
    return (op, number) -> op.equals(operation) ? fault : null;
  }
}

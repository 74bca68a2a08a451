package dev.catalog.local.iam;

import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import java.util.Map;
import java.util.Set;

/**
 * The template's policies as a service other than DynamoDB consults them (the local SNS endpoint, the stream event
 * source's on-failure destinations, and through {@link LocalIam#authorize} the local {@code @connections} API): one
 * decision per action and resource a caller needs, reported to the {@link IamCall.Listener} as the
 * {@link IamEndpoint} reports DynamoDB's, so the least-privilege proof sees every service's calls alike.
 */
public final class Authorizer {
  private final Map<String, FunctionPolicy> policies;
  private final Set<String> functions;
  private final String accountId;
  private final IamCall.Listener listener;

  Authorizer(
      Map<String, FunctionPolicy> policies,
      Set<String> functions,
      String accountId,
      IamCall.Listener listener) {
    this.policies = policies;
    this.functions = Set.copyOf(functions);
    this.accountId = accountId;
    this.listener = listener;
  }

  /** Enforces the policies of {@code template}'s functions, resolved with {@code resolver}. */
  public static Authorizer enforcing(
      SamTemplate template, IntrinsicResolver resolver, IamCall.Listener listener) {
    Map<String, FunctionPolicy> policies = Map.copyOf(TemplatePolicies.read(template, resolver));
    return new Authorizer(
        policies, policies.keySet(), TemplatePolicies.accountId(resolver), listener);
  }

  /** Allows every function of {@code template} everything ({@code -Dlocal.iam=off}); nothing is reported. */
  public static Authorizer off(SamTemplate template, IntrinsicResolver resolver) {
    return new Authorizer(
        null,
        template.functions().keySet(),
        TemplatePolicies.accountId(resolver),
        IamCall.Listener.NONE);
  }

  public boolean enforced() {
    return policies != null;
  }

  /** Whether {@code caller}, an access key id, names a function of the template. */
  public boolean knows(String caller) {
    return caller != null && functions.contains(caller);
  }

  /**
   * What {@code function}'s role allows of {@code action} on {@code resource}, reported to no listener: a check of the
   * role, as IAM's policy simulator answers it and as Lambda makes one when it creates an event source mapping, not a
   * call. When not enforced, everything is allowed.
   *
   * @param function a function {@link #knows knows}
   */
  public IamCall simulate(String function, String action, String resource) {
    if (policies == null) {
      return new IamCall(function, action, resource, FunctionPolicy.Decision.ALLOWED, null);
    }
    FunctionPolicy.Decision decision = policies.get(function).evaluate(action, resource);
    return new IamCall(
        function,
        action,
        resource,
        decision,
        decision == FunctionPolicy.Decision.ALLOWED
            ? null
            : AccessDenied.message(accountId, function, action, resource, decision));
  }

  /**
   * The decision on {@code function} doing {@code action} (e.g. {@code sns:Publish}) on {@code resource}, reported to
   * the listener; a denial carries IAM's message naming the role, action and resource.
   *
   * @param function a function {@link #knows knows}
   */
  public IamCall authorize(String function, String action, String resource) {
    IamCall call = simulate(function, action, resource);
    if (policies != null) {
      listener.decided(call);
    }
    return call;
  }
}

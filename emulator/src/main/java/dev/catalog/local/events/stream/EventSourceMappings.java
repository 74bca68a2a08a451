package dev.catalog.local.events.stream;

import dev.catalog.local.console.RequestLog;
import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.TemplatePolicies;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The template's stream event source mappings ({@link TemplateStreamSources}), created as Lambda's
 * CreateEventSourceMapping creates them: each one is refused ({@link EventSourceMappingException}, with Lambda's
 * message) when its function's role may not read the stream or send to the on-failure destination, so a template
 * with that defect does not start locally, as its deploy would roll back. Nothing is polled until {@link #start}.
 *
 * <pre>{@code
 * EventSourceMappings mappings = EventSourceMappings.create(template, resolver, roles); // before anything starts
 * try (StreamConsumers consumers = mappings.start(dynamodbEndpoint, credentials, FunctionInvoker.of(functions),
 *     System.out, Clock.systemUTC(), false)) { ... }
 * }</pre>
 */
public final class EventSourceMappings {
  private final List<StreamEventSource> sources;
  private final Authorizer roles;
  private final String region;
  private final String accountId;

  private EventSourceMappings(
      List<StreamEventSource> sources, Authorizer roles, String region, String accountId) {
    this.sources = List.copyOf(sources);
    this.roles = roles;
    this.region = region;
    this.accountId = accountId;
  }

  /**
   * Reads and checks every mapping of the template, enabled or not, in template order.
   *
   * @param resolver the local values the tables are created with
   * @param roles the functions' roles: their template policies, or {@link Authorizer#off} (every check passes)
   * @throws EventSourceMappingException for the first mapping Lambda would refuse
   * @throws dev.catalog.template.TemplateException for a mapping the template cannot describe
   */
  public static EventSourceMappings create(
      SamTemplate template, IntrinsicResolver resolver, Authorizer roles) {
    EventSourceMappings mappings = unchecked(template, resolver, roles);
    for (StreamEventSource source : mappings.sources) {
      ExecutionRole.refusal(source, roles)
          .ifPresent(
              refusal -> {
                throw new EventSourceMappingException(
                    template.source()
                        + ": "
                        + source.mapping()
                        + ": Lambda refuses to"
                        + " create the event source mapping to "
                        + source.function()
                        + ": "
                        + refusal);
              });
    }
    return mappings;
  }

  /**
   * Without CreateEventSourceMapping's checks: the mappings as they run once a role has lost a permission after its
   * mapping was created (a later stack update, a policy changed by hand), for the tests of what Lambda does then.
   */
  static EventSourceMappings unchecked(
      SamTemplate template, IntrinsicResolver resolver, Authorizer roles) {
    return new EventSourceMappings(
        TemplateStreamSources.read(template, resolver),
        roles,
        TemplatePolicies.region(resolver),
        TemplatePolicies.accountId(resolver));
  }

  /** The mappings, in template order. */
  public List<StreamEventSource> sources() {
    return sources;
  }

  /**
   * Starts a consumer for every enabled mapping ({@link StreamConsumers}), reading DynamoDB's streams as Lambda's
   * poller does, and sending the on-failure records under each function's role.
   *
   * @param dynamodb where the tables are, e.g. DynamoDB Local's endpoint
   * @param clock what records' ages are measured against
   * @param console where failures and discards are told
   * @param requests where each batch processed is logged, as the event sources' line per request
   */
  public StreamConsumers start(
      URI dynamodb,
      AwsCredentials credentials,
      FunctionInvoker invoker,
      PrintStream console,
      Clock clock,
      RequestLog requests) {
    return StreamConsumers.start(
        sources,
        roles,
        region,
        accountId,
        dynamodb,
        credentials,
        invoker,
        console,
        clock,
        requests);
  }
}

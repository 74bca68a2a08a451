package dev.catalog.local.events.stream;

import dev.catalog.local.iam.TemplatePolicies;
import dev.catalog.template.IntrinsicResolver;
import dev.catalog.template.SamTemplate;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams event source of the local tool: for every function with a {@code Type: DynamoDB} event in the
 * template ({@link TemplateStreamSources}), a poller that reads the table's stream from DynamoDB and invokes the
 * function with {@code DynamodbEvent} batches as Lambda's event source mapping does ({@link StreamConsumer}). What
 * each consumer was invoked with, and the on-failure record of each batch discarded, are kept for tests.
 *
 * <pre>{@code
 * try (StreamConsumers consumers = StreamConsumers.start(template, resolver, dynamodbEndpoint, credentials,
 *     api.invoker(), System.out, Clock.systemUTC())) { ... }
 * }</pre>
 */
public final class StreamConsumers implements AutoCloseable {
  private final List<StreamConsumer> consumers;
  private final List<OnFailureRecord> failures;
  private final DynamoDbStreamsClient streams;

  private StreamConsumers(List<StreamConsumer> consumers, List<OnFailureRecord> failures,
      DynamoDbStreamsClient streams) {
    this.consumers = consumers;
    this.failures = failures;
    this.streams = streams;
  }

  /**
   * Starts a consumer for every enabled stream event of the template's functions, reading DynamoDB's streams outside
   * IAM (as the event source mapping does, with the permissions SAM adds to the function's role for it).
   *
   * @param resolver the local values the tables were created with
   * @param dynamodb where the tables are, e.g. DynamoDB Local's endpoint
   * @param clock what records' ages are measured against
   */
  public static StreamConsumers start(SamTemplate template, IntrinsicResolver resolver, URI dynamodb,
      AwsCredentials credentials, FunctionInvoker invoker, PrintStream console, Clock clock) {
    String region = TemplatePolicies.region(resolver);
    DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(dynamodb)
        .region(Region.of(region)).credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create()).build();
    List<OnFailureRecord> failures = new CopyOnWriteArrayList<>();
    List<StreamConsumer> consumers = new ArrayList<>();
    try {
      for (StreamEventSource source : TemplateStreamSources.read(template, resolver)) {
        if (source.enabled()) {
          consumers.add(new StreamConsumer(source, streams, invoker, console, clock, region,
              TemplatePolicies.accountId(resolver), failures));
        }
      }
    } catch (RuntimeException e) {
      streams.close();
      throw e;
    }
    consumers.forEach(StreamConsumer::start);
    return new StreamConsumers(consumers, failures, streams);
  }

  /** The event sources being consumed, in template order. */
  public List<StreamEventSource> sources() {
    return consumers.stream().map(StreamConsumer::source).toList();
  }

  /** Every invocation of {@code function} by its stream consumers so far, in order. */
  public List<StreamInvocation> invocations(String function) {
    return consumers.stream().filter(consumer -> consumer.source().function().equals(function))
        .flatMap(consumer -> consumer.invocations().stream()).toList();
  }

  /** The on-failure record of every batch discarded so far, in order. */
  public List<OnFailureRecord> failures() {
    return List.copyOf(failures);
  }

  /** For the ready line: {@code products-local → ProductEventsFunction, ...}, or that there are none. */
  public String describe() {
    return consumers.isEmpty() ? "no stream consumers" : "stream consumers " + consumers.stream()
        .map(consumer -> consumer.source().describe()).collect(Collectors.joining(", "));
  }

  @Override
  public void close() {
    consumers.forEach(StreamConsumer::close);
    streams.close();
  }
}

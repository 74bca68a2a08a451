package dev.catalog.local.events.stream;

import dev.catalog.local.console.RequestLog;
import dev.catalog.local.iam.Authorizer;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
 * The DynamoDB Streams event source of the local tool: for every enabled mapping of a table's stream to a function
 * ({@link EventSourceMappings}, read by {@link TemplateStreamSources}), a poller that reads the table's stream from
 * DynamoDB and invokes the function with {@code DynamodbEvent} batches as Lambda's event source mapping does
 * ({@link StreamConsumer}). What each consumer was invoked with, the on-failure record of each batch discarded, and
 * the records IAM refused to let the function's role send to their destination are kept for tests.
 */
public final class StreamConsumers implements AutoCloseable {
  private final List<StreamConsumer> consumers;
  private final List<OnFailureRecord> failures;
  private final List<OnFailureRecord> undelivered;
  private final DynamoDbStreamsClient streams;

  private StreamConsumers(
      List<StreamConsumer> consumers,
      List<OnFailureRecord> failures,
      List<OnFailureRecord> undelivered,
      DynamoDbStreamsClient streams) {
    this.consumers = consumers;
    this.failures = failures;
    this.undelivered = undelivered;
    this.streams = streams;
  }

  /**
   * Starts a consumer for every enabled source, reading DynamoDB's streams outside IAM (the role's stream reads were
   * checked when the mappings were created).
   */
  static StreamConsumers start(
      List<StreamEventSource> sources,
      Authorizer roles,
      String region,
      String accountId,
      URI dynamodb,
      AwsCredentials credentials,
      FunctionInvoker invoker,
      PrintStream console,
      Clock clock,
      RequestLog requests) {
    DynamoDbStreamsClient streams =
        DynamoDbStreamsClient.builder()
            .endpointOverride(dynamodb)
            .region(Region.of(region))
            .credentialsProvider(StaticCredentialsProvider.create(credentials))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    List<OnFailureRecord> failures = new CopyOnWriteArrayList<>();
    List<OnFailureRecord> undelivered = new CopyOnWriteArrayList<>();
    List<StreamConsumer> consumers = new ArrayList<>();
    // Real time, whatever the clock Lambda's side runs on: records are dated when they are read.
    RecordTimes times = new RecordTimes(Clock.systemUTC());
    try {
      for (StreamEventSource source : sources) {
        if (source.enabled()) {
          consumers.add(
              new StreamConsumer(
                  source,
                  streams,
                  invoker,
                  roles,
                  console,
                  clock,
                  region,
                  accountId,
                  failures,
                  undelivered,
                  requests,
                  times));
        }
      }
      consumers.forEach(StreamConsumer::start);
    } catch (RuntimeException e) {
      consumers.forEach(StreamConsumer::close);
      streams.close();
      throw e;
    }
    return new StreamConsumers(consumers, failures, undelivered, streams);
  }

  /** The event sources being consumed, in template order. */
  public List<StreamEventSource> sources() {
    return consumers.stream().map(StreamConsumer::source).toList();
  }

  /** Every invocation of {@code function} by its stream consumers so far, in order. */
  public List<StreamInvocation> invocations(String function) {
    return consumers.stream()
        .filter(consumer -> consumer.source().function().equals(function))
        .flatMap(consumer -> consumer.invocations().stream())
        .toList();
  }

  /**
   * The on-failure record of every batch discarded so far, in order: delivered to its destination, or only dropped
   * when the mapping has none.
   */
  public List<OnFailureRecord> failures() {
    return List.copyOf(failures);
  }

  /** The on-failure records IAM refused to let the function's role send to their destination, in order: lost. */
  public List<OnFailureRecord> undelivered() {
    return List.copyOf(undelivered);
  }

  /**
   * Waits until every consumer has read its stream to the end and delivered what it read, as of now: every record
   * written before the call has been handed to its function (or discarded after its retries), and the lines that
   * caused are printed. Returns false when that takes longer than {@code limit} (a function failing again and again).
   */
  public boolean awaitQuiet(Duration limit) throws InterruptedException {
    long since = System.nanoTime();
    long deadline = since + limit.toNanos();
    while (!consumers.stream().allMatch(consumer -> consumer.quietSince(since))) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** For the ready line: {@code products-local → ProductEventsFunction, ...}, or that there are none. */
  public String describe() {
    return consumers.isEmpty()
        ? "no stream consumers"
        : "stream consumers "
            + consumers.stream()
                .map(consumer -> consumer.source().describe())
                .collect(Collectors.joining(", "));
  }

  @Override
  public void close() {
    consumers.forEach(StreamConsumer::close);
    streams.close();
  }
}

package dev.catalog.local.events.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.console.RequestLog;
import dev.catalog.local.iam.Authorizer;
import dev.catalog.local.iam.IamCall;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One event source mapping: a function reading its table's stream. It lists the stream's shards every second, reads
 * each shard on a thread of its own once its parent is done ({@link ShardLineage}, {@link ShardConsumer}), invokes the
 * function with each batch ({@link BatchDelivery}) and keeps every invocation and every discarded batch's
 * {@link OnFailureRecord}, sent to the destination under the function's role ({@link ExecutionRole}), with a console
 * line for each failure and discard.
 */
final class StreamConsumer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DISCOVERY_MILLIS = 1000;

  private final StreamEventSource source;
  private final DynamoDbStreamsClient streams;
  private final FunctionInvoker invoker;
  private final Authorizer roles;
  private final PrintStream console;
  private final Clock clock;
  private final String region;
  private final String functionArn;
  private final String streamArn;
  private final String localStreamArn;
  private final List<StreamInvocation> invocations = new CopyOnWriteArrayList<>();
  private final List<OnFailureRecord> failures;
  private final List<OnFailureRecord> undelivered;
  private final RecordTimes times;
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final Set<String> finished = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final List<ShardConsumer> shards = new CopyOnWriteArrayList<>();
  private final Object changed = new Object();
  private final RequestLog requests;
  private volatile boolean stopped;

  /**
   * @param roles the functions' roles, under which the on-failure records are sent
   * @param failures where discarded batches' records go once delivered (shared by the consumers of one tool)
   * @param undelivered where those IAM refused go
   * @param requests where each batch processed is logged (failures and discards are told on the console)
   * @param times the records' times, shared by the consumers of one tool
   * @throws IllegalStateException when the table has no stream
   */
  StreamConsumer(
      StreamEventSource source,
      DynamoDbStreamsClient streams,
      FunctionInvoker invoker,
      Authorizer roles,
      PrintStream console,
      Clock clock,
      String region,
      String accountId,
      List<OnFailureRecord> failures,
      List<OnFailureRecord> undelivered,
      RequestLog requests,
      RecordTimes times) {
    this.requests = requests;
    this.times = times;
    this.source = source;
    this.streams = streams;
    this.invoker = invoker;
    this.roles = roles;
    this.console = console;
    this.clock = clock;
    this.region = region;
    this.failures = failures;
    this.undelivered = undelivered;
    this.functionArn =
        "arn:aws:lambda:" + region + ":" + accountId + ":function:" + source.function();
    // A table whose stream was turned off and on again lists one stream per label (its creation
    // time): the newest
    // is the one written to.
    this.streamArn =
        streams.listStreams(request -> request.tableName(source.tableName())).streams().stream()
            .max(java.util.Comparator.comparing(stream -> stream.streamLabel()))
            .map(stream -> stream.streamArn())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        source.function()
                            + " reads the stream of table "
                            + source.tableName()
                            + ", which has none: give the table a StreamSpecification"));
    // As the template names it: the local region and account, DynamoDB Local's own stream label.
    this.localStreamArn =
        "arn:aws:dynamodb:"
            + region
            + ":"
            + accountId
            + ":table/"
            + source.tableName()
            + streamArn.substring(streamArn.indexOf("/stream/"));
  }

  StreamEventSource source() {
    return source;
  }

  List<StreamInvocation> invocations() {
    return List.copyOf(invocations);
  }

  Instant now() {
    return clock.instant();
  }

  /** What stamps the records read with their time. */
  RecordTimes times() {
    return times;
  }

  /**
   * Starts reading the shards there are now, as StartingPosition says, before it returns (so a LATEST consumer sees
   * every write made after), then watches the stream for new shards on a thread of its own.
   */
  void start() {
    startReady(true);
    Thread discovery =
        Thread.ofVirtual().name("stream " + source.describe()).unstarted(this::discover);
    threads.add(discovery);
    discovery.start();
  }

  private void startReady(boolean first) {
    List<ShardLineage.Shard> listed = new ArrayList<>();
    Map<String, Boolean> closed = new HashMap<>();
    for (Shard shard : shards()) {
      listed.add(new ShardLineage.Shard(shard.shardId(), shard.parentShardId()));
      closed.put(shard.shardId(), shard.sequenceNumberRange().endingSequenceNumber() != null);
    }
    for (ShardLineage.Shard shard : ShardLineage.ready(listed, started, finished)) {
      boolean latest = first && source.startingPosition().equals("LATEST");
      if (latest && closed.get(shard.id())) {
        started.add(shard.id());
        finished.add(shard.id());
        continue;
      }
      startShard(shard.id(), latest ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON);
    }
  }

  private void discover() {
    while (!stopped) {
      try {
        synchronized (changed) {
          changed.wait(DISCOVERY_MILLIS);
        }
        startReady(false);
      } catch (InterruptedException stopping) {
        return;
      } catch (RuntimeException e) {
        if (!stopped) {
          console.printf(
              "[DynamoDB stream] %s: cannot list the stream's shards: %s%n", source.describe(), e);
          pause();
        }
      }
    }
  }

  private List<Shard> shards() {
    List<Shard> shards = new ArrayList<>();
    String after = null;
    do {
      String from = after;
      StreamDescription description =
          streams
              .describeStream(request -> request.streamArn(streamArn).exclusiveStartShardId(from))
              .streamDescription();
      shards.addAll(description.shards());
      after = description.lastEvaluatedShardId();
    } while (after != null);
    return shards;
  }

  private void startShard(String shardId, ShardIteratorType position) {
    started.add(shardId);
    ShardConsumer shard = new ShardConsumer(this, streams, streamArn, shardId, position);
    shards.add(shard);
    Thread reader =
        Thread.ofVirtual()
            .name("shard " + shardId)
            .unstarted(
                () -> {
                  while (!stopped) {
                    try {
                      shard.run();
                      finished.add(shardId);
                      synchronized (changed) {
                        changed.notifyAll();
                      }
                      return;
                    } catch (InterruptedException stopping) {
                      return;
                    } catch (RuntimeException e) {
                      if (stopped) {
                        return;
                      }
                      console.printf(
                          "[DynamoDB stream] %s: reading shard %s failed, trying again: %s%n",
                          source.describe(), shardId, e);
                      pause();
                    }
                  }
                });
    threads.add(reader);
    reader.start();
  }

  /** Whether every shard it reads has been read to its end since {@code nanoTime}, all it read delivered. */
  boolean quietSince(long nanoTime) {
    return shards.stream().allMatch(shard -> shard.quietSince(nanoTime));
  }

  /** One invocation with {@code batch}; its outcome for the batch. */
  BatchResponse invoke(String shardId, List<Record> batch, Set<String> sequenceNumbers)
      throws InterruptedException {
    byte[] event = DynamodbEventJson.of(batch, localStreamArn, region);
    long started = System.nanoTime();
    BatchResponse response =
        switch (invoker.invoke(source.function(), event)) {
          case FunctionInvoker.Returned returned ->
              BatchResponse.read(
                  returned.payload(), sequenceNumbers, source.reportBatchItemFailures());
          case FunctionInvoker.Failed failed ->
              new BatchResponse.FunctionError(String.valueOf(failed.error()));
          case FunctionInvoker.TimedOut timedOut ->
              new BatchResponse.FunctionError("Task timed out");
        };
    StreamInvocation.Outcome outcome =
        switch (response) {
          case BatchResponse.Success success -> StreamInvocation.Outcome.SUCCESS;
          case BatchResponse.Partial partial -> StreamInvocation.Outcome.PARTIAL_FAILURE;
          case BatchResponse.Malformed malformed -> StreamInvocation.Outcome.MALFORMED_RESPONSE;
          case BatchResponse.FunctionError error -> StreamInvocation.Outcome.FUNCTION_ERROR;
        };
    invocations.add(
        new StreamInvocation(
            source.function(),
            shardId,
            tree(event),
            outcome,
            response instanceof BatchResponse.Partial partial
                ? List.copyOf(partial.reported())
                : List.of()));
    String what =
        "[DynamoDB stream] "
            + source.describe()
            + ": batch of "
            + batch.size()
            + " (shard "
            + shardId
            + ", "
            + batch.getFirst().dynamodb().sequenceNumber()
            + " to "
            + batch.getLast().dynamodb().sequenceNumber()
            + ")";
    switch (response) {
      case BatchResponse.Success success -> {
        long millis = (System.nanoTime() - started) / 1_000_000;
        requests.write(
            RequestLog.Entry.of(
                "DynamoDB stream",
                source.describe()
                    + ": batch of "
                    + batch.size()
                    + " processed in "
                    + millis
                    + " ms",
                "table",
                source.table(),
                "function",
                source.function(),
                "shardId",
                shardId,
                "records",
                batch.size(),
                "latencyMs",
                millis));
      }
      case BatchResponse.Partial partial ->
          console.println(
              what
                  + ": "
                  + partial.reported().size()
                  + " reported failed; retried from "
                  + partial.from());
      case BatchResponse.Malformed malformed ->
          console.println(
              what
                  + ": the whole batch failed, the batch response"
                  + " is malformed ("
                  + malformed.reason()
                  + ")");
      case BatchResponse.FunctionError error ->
          console.println(
              what
                  + ": function error ("
                  + error.reason()
                  + ")"
                  + (source.bisectOnError() && batch.size() > 1 ? "; bisected" : ""));
    }
    return response;
  }

  /**
   * Drops {@code batch}, and the shard moves on: its on-failure record is sent to the destination under the function's
   * role, kept and printed; when IAM refuses the role that call, the record is not delivered and the line says why.
   */
  void discard(
      String shardId,
      List<Record> batch,
      OnFailureRecord.Condition condition,
      int invocations,
      boolean functionError) {
    OnFailureRecord record =
        OnFailureRecord.of(
            source,
            functionArn,
            shardId,
            localStreamArn,
            batch,
            condition,
            invocations,
            functionError,
            clock.instant());
    String discarded =
        "[DynamoDB stream] "
            + source.describe()
            + ": "
            + batch.size()
            + (batch.size() == 1 ? " record" : " records")
            + " discarded ("
            + condition
            + ")";
    // Printed before the record is kept, so that whoever sees it kept finds its line too.
    if (source.onFailure() == null) {
      console.println(discarded + ", no on-failure destination: " + record.json());
      failures.add(record);
      return;
    }
    IamCall sent = ExecutionRole.send(source, roles);
    if (sent.allowed()) {
      console.println(
          discarded + "; on-failure record to " + source.onFailure() + ": " + record.json());
      failures.add(record);
    } else {
      console.println(
          discarded
              + "; on-failure record not delivered to "
              + source.onFailure()
              + ", AccessDenied: "
              + sent.message()
              + ": "
              + record.json());
      undelivered.add(record);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(byte[] event) {
    try {
      return JSON.readTree(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(DISCOVERY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops reading; a batch in flight is abandoned, as when a mapping is disabled. */
  void close() {
    stopped = true;
    threads.forEach(Thread::interrupt);
  }
}

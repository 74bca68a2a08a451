package dev.catalog.local.events.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@link OnFailureRecord}, with a console line for each failure and discard.
 */
final class StreamConsumer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DISCOVERY_MILLIS = 1000;

  private final StreamEventSource source;
  private final DynamoDbStreamsClient streams;
  private final FunctionInvoker invoker;
  private final PrintStream console;
  private final Clock clock;
  private final String region;
  private final String functionArn;
  private final String streamArn;
  private final String localStreamArn;
  private final List<StreamInvocation> invocations = new CopyOnWriteArrayList<>();
  private final List<OnFailureRecord> failures;
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final Set<String> finished = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final Object changed = new Object();
  private volatile boolean stopped;

  /**
   * @param failures where discarded batches' records go (shared by the consumers of one tool)
   * @throws IllegalStateException when the table has no stream
   */
  StreamConsumer(StreamEventSource source, DynamoDbStreamsClient streams, FunctionInvoker invoker,
      PrintStream console, Clock clock, String region, String accountId, List<OnFailureRecord> failures) {
    this.source = source;
    this.streams = streams;
    this.invoker = invoker;
    this.console = console;
    this.clock = clock;
    this.region = region;
    this.failures = failures;
    this.functionArn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + source.function();
    this.streamArn = streams.listStreams(request -> request.tableName(source.tableName())).streams().stream()
        .map(stream -> stream.streamArn()).reduce((first, later) -> later)
        .orElseThrow(() -> new IllegalStateException(source.function() + " reads the stream of table "
            + source.tableName() + ", which has none: give the table a StreamSpecification"));
    // As the template names it: the local region and account, DynamoDB Local's own stream label.
    this.localStreamArn = "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + source.tableName()
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

  /**
   * Starts reading the shards there are now, as StartingPosition says, before it returns (so a LATEST consumer sees
   * every write made after), then watches the stream for new shards on a thread of its own.
   */
  void start() {
    startReady(true);
    Thread discovery = Thread.ofVirtual().name("stream " + source.describe()).unstarted(this::discover);
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
          console.printf("[DynamoDB stream] %s: cannot list the stream's shards: %s%n", source.describe(), e);
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
      StreamDescription description = streams.describeStream(request -> request.streamArn(streamArn)
          .exclusiveStartShardId(from)).streamDescription();
      shards.addAll(description.shards());
      after = description.lastEvaluatedShardId();
    } while (after != null);
    return shards;
  }

  private void startShard(String shardId, ShardIteratorType position) {
    started.add(shardId);
    ShardConsumer shard = new ShardConsumer(this, streams, streamArn, shardId, position);
    Thread reader = Thread.ofVirtual().name("shard " + shardId).unstarted(() -> {
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
          console.printf("[DynamoDB stream] %s: reading shard %s failed, trying again: %s%n", source.describe(),
              shardId, e);
          pause();
        }
      }
    });
    threads.add(reader);
    reader.start();
  }

  /** One invocation with {@code batch}; its outcome for the batch. */
  BatchResponse invoke(String shardId, List<Record> batch, Set<String> sequenceNumbers) throws InterruptedException {
    byte[] event = DynamodbEventJson.of(batch, localStreamArn, region);
    BatchResponse response = switch (invoker.invoke(source.function(), event)) {
      case FunctionInvoker.Returned returned -> BatchResponse.read(returned.payload(), sequenceNumbers,
          source.reportBatchItemFailures());
      case FunctionInvoker.Failed failed -> new BatchResponse.FunctionError(String.valueOf(failed.error()));
      case FunctionInvoker.TimedOut timedOut -> new BatchResponse.FunctionError("Task timed out");
    };
    StreamInvocation.Outcome outcome = switch (response) {
      case BatchResponse.Success success -> StreamInvocation.Outcome.SUCCESS;
      case BatchResponse.Partial partial -> StreamInvocation.Outcome.PARTIAL_FAILURE;
      case BatchResponse.Malformed malformed -> StreamInvocation.Outcome.MALFORMED_RESPONSE;
      case BatchResponse.FunctionError error -> StreamInvocation.Outcome.FUNCTION_ERROR;
    };
    invocations.add(new StreamInvocation(source.function(), shardId, tree(event), outcome,
        response instanceof BatchResponse.Partial partial ? List.copyOf(partial.reported()) : List.of()));
    String what = "[DynamoDB stream] " + source.describe() + ": batch of " + batch.size() + " (shard " + shardId
        + ", " + batch.getFirst().dynamodb().sequenceNumber() + " to " + batch.getLast().dynamodb().sequenceNumber()
        + ")";
    switch (response) {
      case BatchResponse.Success success -> { }
      case BatchResponse.Partial partial -> console.println(what + ": " + partial.reported().size()
          + " reported failed; retried from " + partial.from());
      case BatchResponse.Malformed malformed -> console.println(what + ": the whole batch failed, the batch response"
          + " is malformed (" + malformed.reason() + ")");
      case BatchResponse.FunctionError error -> console.println(what + ": function error (" + error.reason() + ")"
          + (source.bisectOnError() && batch.size() > 1 ? "; bisected" : ""));
    }
    return response;
  }

  /** Drops {@code batch}: its on-failure record is kept and printed, and the shard moves on. */
  void discard(String shardId, List<Record> batch, OnFailureRecord.Condition condition, int invocations,
      boolean functionError) {
    OnFailureRecord record = OnFailureRecord.of(source, functionArn, shardId, localStreamArn, batch, condition,
        invocations, functionError, clock.instant());
    failures.add(record);
    console.println("[DynamoDB stream] " + source.describe() + ": " + batch.size() + (batch.size() == 1 ? " record"
        : " records") + " discarded (" + condition + ")" + (source.onFailure() == null ? ", no on-failure destination"
            : "; on-failure record to " + source.onFailure()) + ": " + record.json());
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

package dev.catalog.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.events.stream.RecordTimes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The stream of one table of {@link DynamoDbLocal}, read with the SDK's streams client, handed out as the
 * {@code DynamodbEvent} JSON Lambda's event source mapping gives a function: each record exactly as DynamoDB's
 * GetRecords answered it on the wire (captured before the SDK unmarshals it), plus the {@code eventSourceARN} Lambda
 * adds. So a stream consumer is tested on what DynamoDB really emits, but for one member: DynamoDB Local dates a
 * record to the minute, so {@code ApproximateCreationDateTime} is the second the record was read at, as the local
 * tool's event source dates it ({@link RecordTimes}), in Lambda's epoch seconds.
 */
public final class TableStream implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Map<String, String> iterators = new LinkedHashMap<>();
  private byte[] lastResponse;

  /** Opens the table's stream at its end: {@link #next()} returns the records written after this call. */
  public TableStream(DynamoDbLocal dynamo, String logicalTableId) {
    String table = dynamo.tableName(logicalTableId);
    streamArn = dynamo.client().describeTable(r -> r.tableName(table)).table().latestStreamArn();
    if (streamArn == null) {
      throw new IllegalStateException(
          logicalTableId + " has no stream: its StreamSpecification is missing");
    }
    streams =
        DynamoDbStreamsClient.builder()
            .endpointOverride(dynamo.endpoint())
            .region(Region.of(dynamo.environment().get("AWS_REGION")))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new RawResponses()))
            .build();
    for (Shard shard :
        streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
      iterators.put(
          shard.shardId(),
          streams
              .getShardIterator(
                  GetShardIteratorRequest.builder()
                      .streamArn(streamArn)
                      .shardId(shard.shardId())
                      .shardIteratorType(ShardIteratorType.LATEST)
                      .build())
              .shardIterator());
    }
  }

  /** The records written since the last call (or since opening), as one event; its Records may be empty. */
  public byte[] next() {
    ArrayNode records = MAPPER.createArrayNode();
    for (Map.Entry<String, String> shard : iterators.entrySet()) {
      if (shard.getValue() == null) {
        continue;
      }
      String next =
          streams
              .getRecords(GetRecordsRequest.builder().shardIterator(shard.getValue()).build())
              .nextShardIterator();
      Instant observed = Instant.now();
      shard.setValue(next);
      for (JsonNode record : raw().path("Records")) {
        ObjectNode withSource = ((ObjectNode) record).deepCopy();
        withSource.put("eventSourceARN", streamArn);
        ObjectNode change = (ObjectNode) withSource.path("dynamodb");
        JsonNode time = change.path("ApproximateCreationDateTime");
        Instant dynamodb =
            time.isNumber()
                ? Instant.ofEpochMilli(time.decimalValue().movePointRight(3).longValue())
                : null;
        change.put(
            "ApproximateCreationDateTime",
            RecordTimes.approximateCreation(dynamodb, observed).getEpochSecond());
        records.add(withSource);
      }
    }
    ObjectNode event = MAPPER.createObjectNode();
    event.set("Records", records);
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The records of the next call to {@link #next()}, one event per record, in stream order. */
  public List<byte[]> nextEach() {
    List<byte[]> each = new ArrayList<>();
    try {
      for (JsonNode record : MAPPER.readTree(next()).path("Records")) {
        ObjectNode event = MAPPER.createObjectNode();
        event.putArray("Records").add(record);
        each.add(MAPPER.writeValueAsBytes(event));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return each;
  }

  private JsonNode raw() {
    try {
      return MAPPER.readTree(lastResponse);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    streams.close();
  }

  /** Keeps the body of each response as it came over the wire, and hands the SDK a copy to unmarshal. */
  private final class RawResponses implements ExecutionInterceptor {
    @Override
    public Optional<InputStream> modifyHttpResponseContent(
        Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      Optional<InputStream> body = context.responseBody();
      if (body.isEmpty()) {
        return body;
      }
      try (InputStream in = body.get()) {
        lastResponse = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Optional.of(new ByteArrayInputStream(lastResponse));
    }
  }
}

package dev.catalog.changes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The batch of stream records Lambda's event source mapping hands a stream consumer (the {@code DynamodbEvent} JSON,
 * {@code {"Records":[...]}}), and the partial batch response it takes back.
 */
public final class StreamBatch {
  /**
   * The event comes from Lambda, not from a client: DynamoDB nests items 32 levels deep, below the event's own five,
   * and a batch may hold up to 6 MB, so the limits are DynamoDB's rather than those of a request body.
   */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          .build();

  private StreamBatch() {}

  /** The batch's records, in the stream's order. Members this project does not use are skipped. */
  public static List<StreamRecord> read(InputStream event) throws IOException {
    List<StreamRecord> records = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(event)) {
      DynamoDbJson.expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "the event");
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        JsonToken value = parser.nextToken();
        if ("Records".equals(parser.currentName()) && value == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            records.add(record(parser));
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    return records;
  }

  private static StreamRecord record(JsonParser parser) throws IOException {
    String eventId = null;
    String eventName = null;
    StreamRecord data = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "eventID" -> eventId = parser.getValueAsString();
        case "eventName" -> eventName = parser.getValueAsString();
        case "dynamodb" -> {
          DynamoDbJson.expect(
              parser, value, JsonToken.START_OBJECT, "the record's dynamodb member");
          data = dynamodb(parser);
        }
        default -> parser.skipChildren();
      }
    }
    if (eventId == null || eventName == null || data == null || data.sequenceNumber() == null) {
      throw new IOException(
          "A stream record without eventID, eventName or dynamodb.SequenceNumber");
    }
    return new StreamRecord(
        eventId,
        eventName,
        data.sequenceNumber(),
        data.approximateCreation(),
        data.keys(),
        data.oldImage(),
        data.newImage());
  }

  /** The record's {@code dynamodb} member, returned as a record without its event id and name. */
  private static StreamRecord dynamodb(JsonParser parser) throws IOException {
    String sequenceNumber = null;
    Instant created = null;
    Map<String, AttributeValue> keys = Map.of();
    Map<String, AttributeValue> oldImage = Map.of();
    Map<String, AttributeValue> newImage = Map.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "SequenceNumber" -> sequenceNumber = parser.getValueAsString();
        case "ApproximateCreationDateTime" ->
            created = value.isNumeric() ? epochSeconds(parser.getDecimalValue()) : null;
        case "Keys" -> keys = DynamoDbJson.item(parser);
        case "OldImage" -> oldImage = DynamoDbJson.item(parser);
        case "NewImage" -> newImage = DynamoDbJson.item(parser);
        default -> parser.skipChildren();
      }
    }
    return new StreamRecord(null, null, sequenceNumber, created, keys, oldImage, newImage);
  }

  /** Lambda gives the time in epoch seconds, whole or with a fraction. */
  private static Instant epochSeconds(BigDecimal seconds) {
    BigDecimal nanos = seconds.remainder(BigDecimal.ONE).movePointRight(9);
    return Instant.ofEpochSecond(seconds.longValue(), nanos.longValue());
  }

  /**
   * Writes the partial batch response: {@code {"batchItemFailures":[{"itemIdentifier":"<SequenceNumber>"}]}}, empty
   * for a batch fully processed. With {@code ReportBatchItemFailures}, Lambda retries from the lowest sequence number
   * named, so a consumer names the first record it could not process (those after it were not attempted).
   */
  public static void writeFailures(List<String> sequenceNumbers, OutputStream out)
      throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("batchItemFailures");
      for (String sequenceNumber : sequenceNumbers) {
        json.writeStartObject();
        json.writeStringField("itemIdentifier", sequenceNumber);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }
}

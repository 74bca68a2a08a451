package dev.catalog.local.events.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * A batch of stream records as the JSON Lambda passes a function ({@code DynamodbEvent}): {@code Records[]} with
 * {@code eventID}, {@code eventName}, {@code eventVersion}, {@code eventSource}, {@code awsRegion}, {@code dynamodb}
 * ({@code ApproximateCreationDateTime} in epoch seconds, {@code Keys}, {@code NewImage}, {@code OldImage},
 * {@code SequenceNumber}, {@code SizeBytes}, {@code StreamViewType}), {@code userIdentity} for TTL deletions, and
 * {@code eventSourceARN}; attribute values in DynamoDB's JSON ({@code {"S": "..."}}, binaries as base64).
 */
final class DynamodbEventJson {
  private static final JsonFactory JSON = new JsonFactory();

  private DynamodbEventJson() {}

  /** @param region the local region, for {@code awsRegion} (DynamoDB Local names one of its own) */
  static byte[] of(List<Record> records, String streamArn, String region) {
    var out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("Records");
      for (Record record : records) {
        write(json, record, streamArn, region);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator json, Record record, String streamArn, String region)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("eventID", record.eventID());
    json.writeStringField("eventName", record.eventNameAsString());
    json.writeStringField("eventVersion", record.eventVersion());
    json.writeStringField("eventSource", record.eventSource());
    json.writeStringField("awsRegion", region);
    StreamRecord change = record.dynamodb();
    json.writeObjectFieldStart("dynamodb");
    if (change.approximateCreationDateTime() != null) {
      json.writeNumberField(
          "ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
    }
    image(json, "Keys", change.keys(), change.hasKeys());
    image(json, "NewImage", change.newImage(), change.hasNewImage());
    image(json, "OldImage", change.oldImage(), change.hasOldImage());
    json.writeStringField("SequenceNumber", change.sequenceNumber());
    json.writeNumberField("SizeBytes", change.sizeBytes());
    json.writeStringField("StreamViewType", change.streamViewTypeAsString());
    json.writeEndObject();
    if (record.userIdentity() != null) {
      json.writeObjectFieldStart("userIdentity");
      json.writeStringField("type", record.userIdentity().type());
      json.writeStringField("principalId", record.userIdentity().principalId());
      json.writeEndObject();
    }
    json.writeStringField("eventSourceARN", streamArn);
    json.writeEndObject();
  }

  private static void image(
      JsonGenerator json, String name, Map<String, AttributeValue> image, boolean present)
      throws IOException {
    if (!present) {
      return;
    }
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, AttributeValue> attribute : image.entrySet()) {
      json.writeFieldName(attribute.getKey());
      value(json, attribute.getValue());
    }
    json.writeEndObject();
  }

  private static void value(JsonGenerator json, AttributeValue value) throws IOException {
    json.writeStartObject();
    switch (value.type()) {
      case S -> json.writeStringField("S", value.s());
      case N -> json.writeStringField("N", value.n());
      case B -> json.writeStringField("B", base64(value.b()));
      case BOOL -> json.writeBooleanField("BOOL", value.bool());
      case NUL -> json.writeBooleanField("NULL", true);
      case SS -> strings(json, "SS", value.ss());
      case NS -> strings(json, "NS", value.ns());
      case BS -> strings(json, "BS", value.bs().stream().map(DynamodbEventJson::base64).toList());
      case L -> {
        json.writeArrayFieldStart("L");
        for (AttributeValue element : value.l()) {
          value(json, element);
        }
        json.writeEndArray();
      }
      case M -> image(json, "M", value.m(), true);
      default ->
          throw new IllegalArgumentException("An attribute value of no known type: " + value);
    }
    json.writeEndObject();
  }

  private static void strings(JsonGenerator json, String type, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(type);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}

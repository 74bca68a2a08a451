package dev.catalog.changes;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalog.kernel.Json;
import dev.catalog.products.Product;
import dev.catalog.products.ProductJson;
import dev.catalog.products.ProductStore;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One change of one product, from one record of the products table's stream.
 *
 * @param eventId the stream record's {@code eventID}: the same on every delivery of the record, so a receiver drops
 *     a duplicate by it
 * @param type created, updated or deleted
 * @param id the product's id
 * @param version the product's version after the change; for a delete, the version deleted
 * @param category the product's category after the change; for a delete, the category it had
 * @param previousCategory the category before an update that moved the product; null otherwise
 * @param product the product after the change, as the REST API returns it; null for a delete
 * @param previous the product before the change; null for a create. Not part of the JSON: for consumers that compare
 *     (the low-stock event reads the stock before)
 * @param occurredAt when it happened: the product's {@code updatedAt} for a create or an update (the time the API
 *     stamped the write); for a delete, the stream's time of the record (to the second), never before the deleted
 *     product's {@code updatedAt}
 */
public record ProductChange(
    String eventId,
    ChangeType type,
    String id,
    long version,
    String category,
    String previousCategory,
    Product product,
    Product previous,
    Instant occurredAt) {

  public ProductChange {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * The change a stream record reports; empty when the item is not a product (see {@link ProductStore#product}).
   * Throws {@link IllegalArgumentException} for a record that lacks the image its event needs: the stream must be
   * {@code NEW_AND_OLD_IMAGES}.
   */
  public static Optional<ProductChange> of(StreamRecord record) {
    return switch (record.eventName()) {
      case "INSERT" ->
          ProductStore.product(image(record, record.newImage(), "NewImage"))
              .map(after -> changed(record, ChangeType.CREATED, after, null));
      case "MODIFY" ->
          ProductStore.product(image(record, record.newImage(), "NewImage"))
              .map(
                  after -> {
                    Product before =
                        ProductStore.product(image(record, record.oldImage(), "OldImage"))
                            .orElse(null);
                    // An item that becomes a product only now is, to the product's readers, a
                    // product created.
                    return changed(
                        record,
                        before == null ? ChangeType.CREATED : ChangeType.UPDATED,
                        after,
                        before);
                  });
      case "REMOVE" ->
          ProductStore.product(image(record, record.oldImage(), "OldImage"))
              .map(before -> deleted(record, before));
      default -> throw new IllegalArgumentException("Unknown stream event " + record.eventName());
    };
  }

  private static ProductChange changed(
      StreamRecord record, ChangeType type, Product after, Product before) {
    String previousCategory =
        before == null || before.getCategory().equals(after.getCategory())
            ? null
            : before.getCategory();
    return new ProductChange(
        record.eventId(),
        type,
        after.getId(),
        after.getVersion(),
        after.getCategory(),
        previousCategory,
        after,
        before,
        after.getUpdatedAt());
  }

  private static ProductChange deleted(StreamRecord record, Product before) {
    Instant at = record.approximateCreation();
    Instant occurredAt =
        at == null || at.isBefore(before.getUpdatedAt()) ? before.getUpdatedAt() : at;
    return new ProductChange(
        record.eventId(),
        ChangeType.DELETED,
        before.getId(),
        before.getVersion(),
        before.getCategory(),
        null,
        null,
        before,
        occurredAt);
  }

  private static Map<String, AttributeValue> image(
      StreamRecord record, Map<String, AttributeValue> image, String name) {
    if (image.isEmpty()) {
      throw new IllegalArgumentException(
          "Stream record "
              + record.eventId()
              + " ("
              + record.eventName()
              + ") has no "
              + name
              + ": the products table's stream must be NEW_AND_OLD_IMAGES");
    }
    return image;
  }

  /**
   * Writes the change as one JSON object: {@code {"eventId","type","id","version","category","previousCategory"?,
   * "product"?,"occurredAt"}}, the product as the REST API writes it and {@code occurredAt} in its timestamp form.
   */
  public void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("eventId", eventId);
    json.writeStringField("type", type.value());
    json.writeStringField("id", id);
    json.writeNumberField("version", version);
    json.writeStringField("category", category);
    if (previousCategory != null) {
      json.writeStringField("previousCategory", previousCategory);
    }
    if (product != null) {
      json.writeFieldName("product");
      ProductJson.write(product, json);
    }
    json.writeStringField("occurredAt", ProductJson.TIMESTAMP.format(occurredAt));
    json.writeEndObject();
  }

  /** The change as JSON text, see {@link #write(JsonGenerator)}. */
  public String toJson() {
    StringWriter out = new StringWriter(768);
    try (JsonGenerator json = Json.generator(out)) {
      write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

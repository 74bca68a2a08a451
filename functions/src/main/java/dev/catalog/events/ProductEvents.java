package dev.catalog.events;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.catalog.changes.ProductChange;
import dev.catalog.kernel.Json;
import dev.catalog.products.ProductJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages one product change gives the product events topic: the change itself (its body the feed's message,
 * {@link ProductChange#write}), then a low-stock event when the change took the stock below {@link #threshold}.
 * Both carry the attributes subscribers filter on: {@code eventType}, {@code category}, {@code previousCategory} (a
 * move), {@code productId}, {@code eventId} and, while the product exists, {@code stock} (a Number, for numeric
 * filters).
 */
public final class ProductEvents {
  /** The low-stock event's type, and the suffix of its id after the change's. */
  public static final String LOW_STOCK = "low-stock";

  private final int threshold;

  public ProductEvents(int threshold) {
    this.threshold = threshold;
  }

  public int threshold() {
    return threshold;
  }

  /** The change's messages, in the order they are published. */
  public List<ProductEvent> of(ProductChange change) {
    List<ProductEvent> events = new ArrayList<>(2);
    events.add(
        new ProductEvent(
            change.eventId(),
            change.type().value(),
            change.toJson(),
            null,
            strings(change, change.eventId(), change.type().value()),
            numbers(change)));
    if (LowStock.crossedBelow(change, threshold)) {
      String eventId = change.eventId() + ":" + LOW_STOCK;
      events.add(
          new ProductEvent(
              eventId,
              LOW_STOCK,
              lowStock(change, eventId),
              "Low stock: " + change.id(),
              strings(change, eventId, LOW_STOCK),
              numbers(change)));
    }
    return events;
  }

  private static Map<String, String> strings(ProductChange change, String eventId, String type) {
    Map<String, String> strings = new LinkedHashMap<>();
    strings.put("eventType", type);
    strings.put("category", change.category());
    if (change.previousCategory() != null) {
      strings.put("previousCategory", change.previousCategory());
    }
    strings.put("productId", change.id());
    strings.put("eventId", eventId);
    return strings;
  }

  private static Map<String, String> numbers(ProductChange change) {
    return change.product() == null
        ? Map.of()
        : Map.of("stock", change.product().getStock().toString());
  }

  /**
   * {@code {"eventId","type":"low-stock","id","version","category","stock","threshold","product","occurredAt"}}: the
   * change's fields, the stock it left and the threshold it crossed.
   */
  private String lowStock(ProductChange change, String eventId) {
    StringWriter out = new StringWriter(768);
    try (JsonGenerator json = Json.generator(out)) {
      json.writeStartObject();
      json.writeStringField("eventId", eventId);
      json.writeStringField("type", LOW_STOCK);
      json.writeStringField("id", change.id());
      json.writeNumberField("version", change.version());
      json.writeStringField("category", change.category());
      json.writeNumberField("stock", change.product().getStock());
      json.writeNumberField("threshold", threshold);
      json.writeFieldName("product");
      ProductJson.write(change.product(), json);
      json.writeStringField("occurredAt", ProductJson.TIMESTAMP.format(change.occurredAt()));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

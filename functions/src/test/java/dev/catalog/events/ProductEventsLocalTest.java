package dev.catalog.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.kernel.Environment;
import dev.catalog.local.events.sns.PublishedMessage;
import dev.catalog.products.Product;
import dev.catalog.products.ProductStore;
import dev.catalog.testing.DynamoDbLocal;
import dev.catalog.testing.TableStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ProductEventsFunction as the template deploys it, on the local tool's SNS endpoint: its environment resolved from
 * template.yaml (the topic's ARN, the threshold's default), its publishes made under its own identity and policy.
 */
class ProductEventsLocalTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  @Test
  void theTemplatesFunctionPublishesToItsTopicWithinItsPolicy() throws IOException {
    ProductEventsHandler handler;
    Environment.use(DYNAMO.environment("ProductEventsFunction"));
    try {
      handler = new ProductEventsHandler();
    } finally {
      Environment.use(System.getenv());
    }
    ProductStore store = new ProductStore(DYNAMO.client(), DYNAMO.tableName("ProductsTable"));
    Product product = new Product();
    product.setId("p-" + UUID.randomUUID());
    product.setName("Desk lamp");
    product.setPrice(new BigDecimal("19.90"));
    product.setCategory("lighting");
    product.setStock(2);
    product.setCreatedAt(Instant.parse("2026-11-24T10:15:30.123Z"));
    product.setUpdatedAt(product.getCreatedAt());
    product.applyDefaults();
    var out = new ByteArrayOutputStream();
    try (TableStream stream = new TableStream(DYNAMO, "ProductsTable")) {
      store.save(product);
      handler.handleRequest(new ByteArrayInputStream(stream.next()), out, null);
    }

    assertEquals("{\"batchItemFailures\":[]}", out.toString());
    List<PublishedMessage> messages = DYNAMO.sns().messages("ProductEventsTopic");
    assertEquals(
        List.of("created", "low-stock"),
        messages.stream().map(m -> m.attribute("eventType")).toList());
    assertEquals(
        List.of("ProductEventsFunction", "ProductEventsFunction"),
        messages.stream().map(PublishedMessage::publisher).toList());
    assertEquals("Number", messages.get(0).attributes().get("stock").dataType());
    assertEquals(
        product.getId(), new ObjectMapper().readTree(messages.get(0).message()).get("id").asText());
    assertEquals(
        Integer.parseInt(
            DYNAMO.template().parameters().get("LowStockThreshold").defaultValue().orElseThrow()),
        new ObjectMapper().readTree(messages.get(1).message()).get("threshold").asInt());
  }
}

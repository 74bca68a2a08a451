package dev.catalog.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Valid product documents to start from; tests change the one field they are about. */
public final class SampleProducts {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SampleProducts() {}

  /** A valid product with every field set. */
  public static ObjectNode full(String category) {
    ObjectNode product = MAPPER.createObjectNode();
    product.put("name", "Stainless Steel Water Bottle");
    product.put("description", "Double-walled, keeps drinks cold for 24 hours.");
    product.put("price", new java.math.BigDecimal("24.99"));
    product.put("currency", "EUR");
    product.put("category", category);
    product.putArray("tags").add("outdoor").add("bpa-free");
    product.put("stock", 120);
    return product;
  }

  /** A valid product with only the required fields. */
  public static ObjectNode minimal(String category) {
    ObjectNode product = MAPPER.createObjectNode();
    product.put("name", "Notebook");
    product.put("price", new java.math.BigDecimal("3.50"));
    product.put("category", category);
    return product;
  }

  /** A category no other test uses, so listings see only this test's products. */
  public static String uniqueCategory() {
    return "cat-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

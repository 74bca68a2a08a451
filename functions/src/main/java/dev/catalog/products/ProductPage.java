package dev.catalog.products;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One page of a product listing and the key to resume after it (null on the last page). */
public record ProductPage(List<Product> items, Map<String, AttributeValue> nextKey) {}

package dev.catalog.events;

import dev.catalog.changes.ProductChange;

/**
 * When a change takes a product's stock below the threshold: a new product stocked below it, or a product whose
 * stock was at or above it and is now below. A write that leaves the stock below, lower still or not, is no crossing,
 * so a product under the threshold raises one event until it is restocked to the threshold or more.
 */
final class LowStock {
  private LowStock() {}

  static boolean crossedBelow(ProductChange change, int threshold) {
    if (change.product() == null || change.product().getStock() >= threshold) {
      return false;
    }
    return change.previous() == null || change.previous().getStock() >= threshold;
  }
}

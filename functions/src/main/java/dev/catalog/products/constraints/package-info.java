/**
 * Constraints of the product model that avaje-validator does not ship, each with its adapter:
 * {@link dev.catalog.products.constraints.MaxCodePoints} (lengths in code points, as JSON Schema counts),
 * {@link dev.catalog.products.constraints.DecimalPlaces} (decimal places judged by value, not spelling),
 * {@link dev.catalog.products.constraints.CurrencyCode} (ISO 4217 List One, held as a set literal in
 * {@link dev.catalog.products.constraints.CurrencyCodeAdapter}, so every JDK accepts the same codes) and
 * {@link dev.catalog.products.constraints.UniqueElements} (tags unique once normalized and trimmed).
 */
package dev.catalog.products.constraints;

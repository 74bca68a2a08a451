/**
 * The products feature: the {@link dev.catalog.products.Product} model and its rules, its JSON form, the store of the
 * products table, and one thin handler per route of {@code /products}.
 */
package dev.catalog.products;

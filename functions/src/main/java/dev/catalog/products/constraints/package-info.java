/** Constraints of the product model that avaje-validator does not ship, with their adapters. */
package dev.catalog.products.constraints;

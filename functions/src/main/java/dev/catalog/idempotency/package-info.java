/** Idempotency records for requests sent with an {@code Idempotency-Key}, and the store of their table. */
package dev.catalog.idempotency;

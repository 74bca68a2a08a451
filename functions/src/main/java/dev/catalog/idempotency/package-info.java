/**
 * Idempotency records for requests sent with an {@code Idempotency-Key}: {@link
 * dev.catalog.idempotency.IdempotencyRecord} (the key, scoped to its caller, the caller, the fingerprint of the body, the response to replay, its
 * expiry after 24 hours) and {@link dev.catalog.idempotency.IdempotencyStore}, the one store of the idempotency table,
 * whose writes join the product's in one transaction.
 */
package dev.catalog.idempotency;

/**
 * The API under DynamoDB's faults, injected by {@link dev.catalog.testing.faults.FaultProxy}:
 * {@link dev.catalog.reliability.WritesUnderFaultsTest} (every write route, {@link dev.catalog.reliability.WriteRoute},
 * under every fault class: the answer, and both tables afterwards as {@link dev.catalog.reliability.TableSnapshot}
 * reads them) and {@link dev.catalog.reliability.RandomizedFaultsTest} (1,000 seeded requests under random faults, the
 * table checked against {@link dev.catalog.reliability.ProductModel}, what the answers allow; {@code -Dfaults.seed=N}
 * replays a run). {@link dev.catalog.reliability.RetryModes}, run by hand, is the measurement behind the functions'
 * retry strategy.
 */
package dev.catalog.reliability;

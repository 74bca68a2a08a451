/**
 * The AWS SDK clients the functions build, and how they behave when AWS does not answer well.
 *
 * <ul>
 *   <li>{@link dev.catalog.storage.DynamoDbClients}: the DynamoDB clients, once per container, configured explicitly
 *       (region and credentials from Lambda's variables, the JDK's URL connection HTTP client, {@code
 *       DYNAMODB_ENDPOINT} for local runs) with deliberate timeouts (1 s per attempt, 2.5 s per call) and retries
 *       (the standard strategy, throttling backed off 100–500 ms, a retry quota per client), chosen by measurement
 *       (docs/performance.md, "Retries"). The product events function's SNS client is built along the same lines.
 *   <li>{@link dev.catalog.storage.CallAttempts}: an interceptor on every client the functions build (DynamoDB, SNS)
 *       that counts the attempts sent, sets the count on a failure the SDK left without one (a call that ran out of
 *       time), and counts up a caller's own counter across calls.
 * </ul>
 */
package dev.catalog.storage;

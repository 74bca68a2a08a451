/**
 * Faults DynamoDB and the network really produce, injected on demand: {@link dev.catalog.testing.faults.FaultProxy}
 * is a DynamoDB endpoint on loopback (raw sockets, so it can reset a connection) in front of the IAM endpoint, which
 * passes each call on or meets it with the {@link dev.catalog.testing.faults.Fault} its
 * {@link dev.catalog.testing.faults.FaultPlan} chooses, per operation and per n-th call: throttling errors with
 * DynamoDB's {@code __type}s, {@code InternalServerError} 500 and 503, a response delayed past the attempt timeout, a
 * connection reset before or after the call was applied. {@code ProductsApi.behindFaultProxy()} and
 * {@code DynamoDbLocal.behindFaultProxy()} put it between the functions and DynamoDB; the administrator's client goes
 * around it.
 */
package dev.catalog.testing.faults;

/**
 * The DynamoDB Streams event source of the local tool: {@link dev.catalog.local.events.stream.StreamConsumers} reads
 * the stream of every table a function's {@code Type: DynamoDB} event names
 * ({@link dev.catalog.local.events.stream.TemplateStreamSources}) and invokes the function as Lambda's event source
 * mapping does: shards in lineage order ({@link dev.catalog.local.events.stream.ShardLineage}), one batch in flight
 * per shard ({@link dev.catalog.local.events.stream.ShardConsumer}), the {@code DynamodbEvent} JSON
 * ({@link dev.catalog.local.events.stream.DynamodbEventJson}), partial batch responses
 * ({@link dev.catalog.local.events.stream.BatchResponse}), retries, bisection and record age
 * ({@link dev.catalog.local.events.stream.BatchDelivery}), and the on-failure destination's invocation record
 * ({@link dev.catalog.local.events.stream.OnFailureRecord}). Functions are reached through a
 * {@link dev.catalog.local.events.stream.FunctionInvoker}.
 */
package dev.catalog.local.events.stream;

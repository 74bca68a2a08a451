/**
 * The DynamoDB Streams event source of the local tool: {@link dev.catalog.local.events.stream.EventSourceMappings}
 * creates the template's mappings of a table's stream to a function (its {@code AWS::Lambda::EventSourceMapping}
 * resources and SAM {@code DynamoDB} events, read by {@link dev.catalog.local.events.stream.TemplateStreamSources}) as
 * Lambda does, refusing one whose function's role may not read the stream or send to the on-failure destination
 * ({@link dev.catalog.local.events.stream.ExecutionRole},
 * {@link dev.catalog.local.events.stream.EventSourceMappingException}); then
 * {@link dev.catalog.local.events.stream.StreamConsumers} reads each stream and invokes the function as Lambda's event
 * source mapping does: shards in lineage order ({@link dev.catalog.local.events.stream.ShardLineage}), one batch in
 * flight per shard ({@link dev.catalog.local.events.stream.ShardConsumer}), each record dated with the second it was
 * first read at where DynamoDB Local gives only the minute ({@link dev.catalog.local.events.stream.RecordTimes}), the
 * {@code DynamodbEvent} JSON
 * ({@link dev.catalog.local.events.stream.DynamodbEventJson}), partial batch responses
 * ({@link dev.catalog.local.events.stream.BatchResponse}), retries, bisection and record age
 * ({@link dev.catalog.local.events.stream.BatchDelivery}), and the on-failure destination's invocation record
 * ({@link dev.catalog.local.events.stream.OnFailureRecord}), sent under the function's role through the local IAM.
 * Functions are reached through a {@link dev.catalog.local.events.stream.FunctionInvoker}.
 */
package dev.catalog.local.events.stream;

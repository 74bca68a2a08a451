package dev.catalog.local.events.stream;

import java.time.Duration;

/**
 * One event source mapping of a table's stream to a function (an {@code AWS::Lambda::EventSourceMapping}, or a SAM
 * {@code Type: DynamoDB} event): the table whose stream it reads and the settings of the mapping, with Lambda's
 * defaults for what the template leaves out.
 *
 * @param function the logical id of the function it invokes
 * @param mapping the mapping's logical id: the {@code AWS::Lambda::EventSourceMapping}'s, or for a SAM event the one
 *     SAM gives the mapping it makes, {@code <Function><Event>}
 * @param table the logical id of the table whose stream it reads
 * @param tableName its physical name
 * @param streamArn the stream's ARN as the template names it ({@code EventSourceArn}, a SAM event's {@code Stream}),
 *     resolved: what the function's role must be allowed to read
 * @param startingPosition {@code TRIM_HORIZON} or {@code LATEST}
 * @param batchSize at most this many records per invocation (Lambda's default 100)
 * @param batchingWindow how long to gather records before invoking with fewer than a full batch (default 0)
 * @param reportBatchItemFailures {@code FunctionResponseTypes: [ReportBatchItemFailures]}
 * @param bisectOnError {@code BisectBatchOnFunctionError}
 * @param maximumRetryAttempts -1 (the default) for no limit
 * @param maximumRecordAgeSeconds -1 (the default) for no limit
 * @param onFailure the ARN of {@code DestinationConfig.OnFailure.Destination} (an SQS queue or SNS topic), or null
 * @param enabled {@code Enabled} (default true)
 */
public record StreamEventSource(
    String function,
    String mapping,
    String table,
    String tableName,
    String streamArn,
    String startingPosition,
    int batchSize,
    Duration batchingWindow,
    boolean reportBatchItemFailures,
    boolean bisectOnError,
    int maximumRetryAttempts,
    int maximumRecordAgeSeconds,
    String onFailure,
    boolean enabled) {

  /** e.g. {@code ProductsTable → ProductEventsFunction}, for the console. */
  public String describe() {
    return table + " → " + function;
  }
}

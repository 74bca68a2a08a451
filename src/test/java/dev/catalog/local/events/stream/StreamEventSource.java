package dev.catalog.local.events.stream;

import java.time.Duration;

/**
 * One {@code Type: DynamoDB} event of a function: the table whose stream it reads and the settings of its event
 * source mapping, with Lambda's defaults for what the template leaves out.
 *
 * @param function the function's logical id
 * @param event the event's name under {@code Events}
 * @param table the logical id of the table whose stream the event's {@code Stream} names
 * @param tableName its physical name
 * @param startingPosition {@code TRIM_HORIZON} or {@code LATEST}
 * @param batchSize at most this many records per invocation (Lambda's default 100)
 * @param batchingWindow how long to gather records before invoking with fewer than a full batch (default 0)
 * @param reportBatchItemFailures {@code FunctionResponseTypes: [ReportBatchItemFailures]}
 * @param bisectOnError {@code BisectBatchOnFunctionError}
 * @param maximumRetryAttempts -1 (the default) for no limit
 * @param maximumRecordAgeSeconds -1 (the default) for no limit
 * @param onFailure the ARN of {@code DestinationConfig.OnFailure.Destination}, or null
 * @param enabled {@code Enabled} (default true)
 */
public record StreamEventSource(String function, String event, String table, String tableName, String startingPosition,
    int batchSize, Duration batchingWindow, boolean reportBatchItemFailures, boolean bisectOnError,
    int maximumRetryAttempts, int maximumRecordAgeSeconds, String onFailure, boolean enabled) {

  /** e.g. {@code ProductsTable → ProductEventsFunction}, for the console. */
  public String describe() {
    return table + " → " + function;
  }
}

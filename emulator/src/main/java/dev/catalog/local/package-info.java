/**
 * The local emulator: {@code ./mvnw -Plocal} serves template.yaml's event sources on localhost with DynamoDB Local
 * behind them, as API Gateway and Lambda would (docs/local.md). Organised by event source, as serverless-offline is:
 * one package runs functions, one per event source builds the events AWS would send them.
 *
 * <ul>
 *   <li>{@link dev.catalog.local.LocalMain}: the command (settings in {@link dev.catalog.local.LocalOptions});
 *       {@link dev.catalog.local.LocalServices}, the one composition root of the local system: DynamoDB Local, the
 *       template's tables, IAM, SNS and every event source, each asked for by the tool or the tests' extensions; {@link dev.catalog.local.LocalInvoke}: {@code -Dinvoke=}, one function with an event file;
 *       {@link dev.catalog.local.DataFolderLock} and {@link dev.catalog.local.DynamoDbLease} keep to one local system
 *       per {@code -Dlocal.data} folder and per {@code -Dlocal.dynamodb}.
 *   <li>{@link dev.catalog.local.console}: the one place each kind of line goes ({@code -Dlocal.logs}: the tool's own
 *       lines, and each event source's line per request, in words or as JSON), and bad input told in one line.
 *   <li>{@link dev.catalog.local.dynamodb}: the DynamoDB behind it all (DynamoDB Local in this JVM, an outside one, or
 *       LocalStack) and the template's tables created in it.
 *   <li>{@link dev.catalog.local.lambda}: Lambda's execution model, each function in a class loader of its own with its
 *       template environment, instances, timeouts, SnapStart hooks. Every event source hands its events to it and
 *       knows nothing of how a function runs.
 *   <li>{@link dev.catalog.local.events.http}: the REST API (API Gateway's REST proxy events);
 *       {@link dev.catalog.local.events.websocket}: the WebSocket API and its {@code @connections} API;
 *       {@link dev.catalog.local.events.stream}: DynamoDB Streams as Lambda's event source mapping;
 *       {@link dev.catalog.local.events.schedule}: EventBridge schedules (SAM {@code Schedule} and
 *       {@code ScheduleV2} events);
 *       {@link dev.catalog.local.events.sns}: SNS.
 *   <li>{@link dev.catalog.local.auth}: the REST API's Cognito authorizers and the development issuer;
 *       {@link dev.catalog.local.iam}: each function's template identity, with its policies enforced on every call;
 *       {@link dev.catalog.local.dashboard}: the live dashboard.
 * </ul>
 *
 * <p>Dependencies point down only: this package (the command and the composition of the system) on everything below;
 * the event sources on {@code lambda}, {@code iam}, {@code auth} and {@code console}; all of them on
 * {@link dev.catalog.template}. Nothing here depends on {@link dev.catalog.testing}, the test kit built on it.
 * </ul>
 *
 * <p>None of it is in the Lambda zip. Tests use it through {@code ProductsApi} with
 * {@code -Dapi.target=local}, which runs the contract over real HTTP.
 */
package dev.catalog.local;

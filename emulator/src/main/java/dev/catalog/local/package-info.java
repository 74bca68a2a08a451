/**
 * The local emulator: {@code ./mvnw -Plocal} serves template.yaml's event sources on localhost with DynamoDB Local
 * behind them, as API Gateway and Lambda would (see the README, "Run locally"). Organised by event source, as
 * serverless-offline is: one package runs functions, one per event source builds the events AWS would send them.
 *
 * <ul>
 *   <li>{@link dev.catalog.local.LocalMain}: the command (settings in {@link dev.catalog.local.LocalOptions});
 *       {@link dev.catalog.local.LocalServices} starts DynamoDB Local, the template's tables and the event sources.
 *   <li>{@link dev.catalog.local.lambda}: Lambda's execution model, each function in a class loader of its own with its
 *       template environment, instances, timeouts, SnapStart hooks; {@code -Dinvoke=}. Every event source hands its
 *       events to it and knows nothing of how a function runs.
 *   <li>{@link dev.catalog.local.events.http}: the REST API (API Gateway's REST proxy events);
 *       {@link dev.catalog.local.events.websocket}: the WebSocket API and its {@code @connections} API.
 *   <li>{@link dev.catalog.local.auth}: the REST API's Cognito authorizers and the development issuer;
 *       {@link dev.catalog.local.iam}: each function's template identity, with its policies enforced on every call.
 * </ul>
 *
 * <p>Test scope only: none of it is in the Lambda zip. Tests use it through {@code ProductsApi} with
 * {@code -Dapi.target=local}, which runs the contract over real HTTP.
 */
package dev.catalog.local;

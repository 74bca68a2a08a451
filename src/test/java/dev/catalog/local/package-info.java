/**
 * The local API: {@code ./mvnw -Plocal} serves every route of template.yaml on http://localhost:3000 with DynamoDB
 * Local behind it, as API Gateway's REST API and Lambda would (see the README, "Run locally").
 *
 * <ul>
 *   <li>{@link dev.catalog.local.LocalMain}: the command (settings in {@link dev.catalog.local.LocalOptions}, the
 *       invoke command in {@link dev.catalog.local.LocalInvoke}); {@link dev.catalog.local.LocalServices} starts
 *       DynamoDB Local, the template's tables and the API.
 *   <li>{@link dev.catalog.local.LocalApi}: the HTTP server (Jetty's), routing by the template, converting with
 *       {@link dev.catalog.local.HttpExchanges} and answering API Gateway's own errors
 *       ({@link dev.catalog.local.GatewayError}).
 *   <li>{@link dev.catalog.local.FunctionPool}, {@link dev.catalog.local.FunctionInstance},
 *       {@link dev.catalog.local.LocalFunction}, {@link dev.catalog.local.FunctionClassLoader}: Lambda's execution
 *       model, each function in a class loader of its own with its template environment.
 *   <li>{@link dev.catalog.local.iam}: each function's template identity, with its policies enforced on every
 *       DynamoDB call; {@link dev.catalog.local.snapstart}: the CRaC hooks of SnapStart functions.
 * </ul>
 *
 * <p>Test scope only: none of it is in the Lambda zip. Tests use it through {@code ProductsApi} with
 * {@code -Dapi.target=local}, which runs the contract over real HTTP.
 */
package dev.catalog.local;

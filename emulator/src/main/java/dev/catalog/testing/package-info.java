/**
 * What the tests run on: DynamoDB with the tables of {@code template.yaml} and the functions' IAM enforced, the API
 * in process or over HTTP, and the rule for tools outside the JDK.
 *
 * <ul>
 *   <li>{@link dev.catalog.testing.DynamoDbLocal}: the one JUnit 5 extension that starts DynamoDB Local once per test
 *       JVM and creates the template's tables per test class, with the functions' identities and IAM enforced in front
 *       of them ({@code environment(function)}, {@code functionClient(function)}, the administrator's
 *       {@code client()} outside IAM), and the local SNS endpoint at every function's {@code SNS_ENDPOINT}
 *       ({@code sns().messages(...)}); {@link dev.catalog.testing.IamRecord}: every call of the template's functions
 *       in the run, for the least-privilege proof.
 *   <li>{@link dev.catalog.testing.ProductsApi}: the whole API behind an {@link dev.catalog.testing.ApiTarget}
 *       ({@code API.post("/products").json(...).send()}), in process through the template's routes and authorizers
 *       ({@link dev.catalog.testing.InProcessTarget}), or over HTTP through the local system with
 *       {@code -Dapi.target=local} ({@link dev.catalog.testing.HttpTarget}); {@link dev.catalog.testing.Role}: the
 *       rows of the access matrix, each with its token from the development issuer.
 *   <li>Events as Lambda passes them: {@link dev.catalog.local.events.http.ProxyEvents} (API Gateway's REST events, shared with
 *       the local system), {@link dev.catalog.local.lambda.LambdaJson} (event and response as the JSON a stream handler
 *       gets), {@link dev.catalog.testing.TableStream} (a table's stream as the {@code DynamodbEvent} Lambda hands a
 *       function, dated as the local event source dates it), {@link dev.catalog.testing.InvocationContext}.
 *   <li>{@link dev.catalog.testing.ExternalTool}: the one rule for tests that need a program outside the JDK (moto's
 *       server, Chromium, cognito-local, bash with curl and jq): found through its property or the {@code PATH}, else
 *       the test is skipped naming it and how to install it, or under {@code CI=true} fails.
 *       {@link dev.catalog.testing.MotoServer}: moto's server on a free loopback port, with SNS and SQS clients of it;
 *       {@link dev.catalog.testing.SnsFaults}: an SNS endpoint in front of another that throttles Publish calls, or
 *       forwards them and loses their answers, on demand.
 * </ul>
 *
 * <p>Usage:
 *
 * <ul>
 *   <li>Tests: {@code @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();} then
 *       {@code DYNAMO.client()}, {@code DYNAMO.tableName("ProductsTable")}, {@code DYNAMO.environment()}.
 *   <li>Tools (the feed benchmark): {@link dev.catalog.local.LocalServices#builder(dev.catalog.template.SamTemplate)}
 *       with the parts they need, the same composition root as {@code ./mvnw -Plocal} and {@code DynamoDbLocal}.
 * </ul>
 *
 * <p>API tests: {@code @RegisterExtension static final ProductsApi API = new ProductsApi();} then
 * {@code API.post("/products").json(body).send()}; the handlers run in-process, or with {@code -Dapi.target=local}
 * behind the class's local system's REST API ({@link dev.catalog.local.events.http.LocalApi}) over real HTTP
 * ({@link dev.catalog.testing.HttpTarget}).
 *
 * <p>Target switch: DynamoDB Local in the test JVM by default; {@code -Ddynamodb=localstack} (or
 * {@code DYNAMODB_TARGET=localstack}) runs against LocalStack through Testcontainers, image
 * {@code -Dlocalstack.image=...} (default {@value dev.catalog.local.dynamodb.LocalStackDynamoDb#DEFAULT_IMAGE}). Without a
 * Docker engine every test using the extension is skipped with "Docker is not available: skipping tests against
 * LocalStack".
 */
package dev.catalog.testing;

/**
 * DynamoDB for tests and local tools, with the tables of {@code template.yaml}.
 *
 * <ul>
 *   <li>Tests: {@code @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();} then
 *       {@code DYNAMO.client()}, {@code DYNAMO.tableName("ProductsTable")}, {@code DYNAMO.environment()}.
 *   <li>Tools (local API, benchmark): {@link dev.catalog.testing.DynamoDbTarget#start} a target,
 *       {@link dev.catalog.testing.TemplateTables#create} the tables, and resolve the functions' environment with
 *       {@link dev.catalog.template.SamTemplate#resolver()} plus
 *       {@link dev.catalog.testing.DynamoDbTarget#clientEnvironment()}.
 * </ul>
 *
 * <p>API tests: {@code @RegisterExtension static final ProductsApi API = new ProductsApi();} then
 * {@code API.post("/products").json(body).send()}; the handlers run in-process, or with {@code -Dapi.target=local}
 * behind the local API ({@link dev.catalog.local.events.http.LocalApi}) over real HTTP ({@link dev.catalog.testing.HttpTarget}).
 *
 * <p>Target switch: DynamoDB Local in the test JVM by default; {@code -Ddynamodb=localstack} (or
 * {@code DYNAMODB_TARGET=localstack}) runs against LocalStack through Testcontainers, image
 * {@code -Dlocalstack.image=...} (default {@value dev.catalog.testing.LocalStackDynamoDb#DEFAULT_IMAGE}). Without a
 * Docker engine every test using the extension is skipped with "Docker is not available: skipping tests against
 * LocalStack".
 */
package dev.catalog.testing;

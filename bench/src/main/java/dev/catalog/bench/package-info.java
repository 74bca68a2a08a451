/**
 * The benchmarks (docs/performance.md).
 *
 * <ul>
 *   <li>{@code ./mvnw -Pbench}, {@link dev.catalog.bench.BenchMain}: every function's cold start and warm latency,
 *       each in a fresh JVM started as Lambda's managed Java runtime starts it ({@link dev.catalog.bench.ManagedRuntime},
 *       {@link dev.catalog.bench.FunctionProcess}, {@link dev.catalog.bench.ColdStartRunner}) and fed events through a
 *       Runtime API served on loopback ({@link dev.catalog.bench.RuntimeApiEndpoint}), against DynamoDB Local in a
 *       process of its own ({@link dev.catalog.bench.DynamoDbLocalServer}) seeded with 10,000 products
 *       ({@link dev.catalog.bench.ProductSeeder}); beside a floor ({@link dev.catalog.bench.NoopHandler}) and
 *       references ({@link dev.catalog.bench.BareGetItemHandler}, {@link dev.catalog.bench.BareSnsPublishHandler});
 *       reported by {@link dev.catalog.bench.BenchReport} and {@link dev.catalog.bench.SvgChart}.
 *   <li>The feed's authorizer trusts {@link dev.catalog.bench.BenchIssuer} during a run; its variants on other JWT
 *       libraries ({@link dev.catalog.bench.NimbusFeedAuthorizerHandler}, {@link dev.catalog.bench.Jose4jFeedAuthorizerHandler})
 *       are measured beside it and held to the same attacks by {@code JwtLibrariesTest}, the benchmark's test.
 *   <li>{@code ./mvnw -Pbench-feed}, {@link dev.catalog.bench.FeedBench}: the warm fan-out of one change to 1,000
 *       connections, and a REST write to its WebSocket message end to end, on the local system in one JVM;
 *       {@link dev.catalog.bench.ManagementClientCost}: what the management API's client adds to a cold start.
 * </ul>
 *
 * <p>A benchmark, not a test: nothing asserts a timing.
 */
package dev.catalog.bench;

/**
 * The shared kernel every function is built on, whatever invokes it (a REST route, a WebSocket route, a stream batch,
 * the authorizer), and which depends on nothing else of the project:
 *
 * <ul>
 *   <li>the configuration Lambda passes ({@link dev.catalog.kernel.Environment}) and the invocation's trace id
 *       ({@link dev.catalog.kernel.TraceId});
 *   <li>strict JSON in and exact JSON out on Jackson's streaming API ({@link dev.catalog.kernel.Json}, with
 *       {@code StrictParser}; {@link dev.catalog.kernel.JsonTrees}; a request's body,
 *       {@link dev.catalog.kernel.JsonBody}); merge patch ({@link dev.catalog.kernel.MergePatch}); validation
 *       ({@link dev.catalog.kernel.Validation});
 *   <li>failures: the client's errors ({@link dev.catalog.kernel.HttpError}), the {@link dev.catalog.kernel.Problem}
 *       that answers a failed request, and {@link dev.catalog.kernel.Failures#answer}, the one mapping of whatever a
 *       request's work throws to its problem (a DynamoDB failure past the retries a 503, never a 500), which the REST
 *       functions render as problem+json ({@code http.Problems}) and the feed's as their error reply
 *       ({@code feed.FeedReply}); of the AWS SDK, the kernel knows only these exception types;
 *   <li>one-line JSON logs ({@link dev.catalog.kernel.Log}); the request line and its metrics are in
 *       {@link dev.catalog.kernel.telemetry};
 *   <li>SnapStart: {@link dev.catalog.kernel.Priming}, the one priming hook a container registers; each function
 *       says only what it primes.
 * </ul>
 */
package dev.catalog.kernel;

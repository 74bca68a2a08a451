/**
 * The shared kernel every function is built on, whatever invokes it (a REST route, a WebSocket route, a stream batch,
 * the authorizer), and which depends on nothing else of the project: the configuration Lambda passes
 * ({@link dev.catalog.kernel.Environment}) and the invocation's trace id ({@link dev.catalog.kernel.TraceId}); strict
 * JSON in and exact JSON out on Jackson's streaming API ({@link dev.catalog.kernel.Json},
 * {@link dev.catalog.kernel.JsonBody}, {@link dev.catalog.kernel.JsonTrees}, {@link dev.catalog.kernel.MergePatch});
 * validation ({@link dev.catalog.kernel.Validation}); errors with an HTTP status and problem details
 * ({@link dev.catalog.kernel.HttpError}); and one-line JSON logs ({@link dev.catalog.kernel.Log}).
 */
package dev.catalog.kernel;

/**
 * What a function tells its operators about each invocation: one structured JSON line on standard output
 * ({@link dev.catalog.kernel.telemetry.RequestLine}), which is
 * at once the access log record (request id, X-Ray trace id, route, status, latency, cold start, caller) and a
 * CloudWatch Embedded Metric Format record (requests by route and status class, latency, cold starts and the counts
 * an invocation added through {@link dev.catalog.kernel.telemetry.RequestMetrics}). Written on Jackson's streaming
 * API: no logging or metrics library to load at cold start.
 */
package dev.catalog.kernel.telemetry;

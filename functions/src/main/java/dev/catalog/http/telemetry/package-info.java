/**
 * What a function tells its operators about each request: one structured JSON line per request on standard output,
 * which is at once the access log record (request id, X-Ray trace id, route, status, latency, cold start, caller)
 * and a CloudWatch Embedded Metric Format record (requests by route and status class, latency, cold starts and the
 * counts a request added through {@link dev.catalog.http.telemetry.RequestMetrics}). Written on Jackson's streaming
 * API: no logging or metrics library to load at cold start.
 */
package dev.catalog.http.telemetry;

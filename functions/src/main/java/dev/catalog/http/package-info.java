/**
 * The small HTTP layer every REST function shares; it knows nothing of products.
 *
 * <ul>
 *   <li>{@link dev.catalog.http.ApiHandler}: the base of every REST function, on Lambda's stream interface: the proxy
 *       event and response read and written by {@link dev.catalog.http.ProxyEventCodec} (no reflective serializer),
 *       an {@link dev.catalog.http.ApiRequest}, the route's {@link dev.catalog.http.Permission} checked against the
 *       {@link dev.catalog.http.Caller} of the claims API Gateway's Cognito authorizer passes (401, 403), the query
 *       parameters the route takes, and everything thrown mapped in one place; then the request line.
 *   <li>Errors: {@link dev.catalog.http.HttpError} says what went wrong, {@link dev.catalog.http.Problems} writes it
 *       as RFC 9457 problem+json, and {@link dev.catalog.http.UpstreamFailures} tells an AWS failure a retry can get
 *       past (503 with {@code Retry-After}) from a defect (500).
 *   <li>Bodies: {@link dev.catalog.http.JsonBody} (present, base64-decoded, within its size, one strict JSON object;
 *       also for WebSocket messages), {@link dev.catalog.http.MediaTypes}, and {@link dev.catalog.http.Validation}
 *       (avaje-validator's errors as field errors).
 *   <li>Conditional requests: {@link dev.catalog.http.Preconditions} (the conditional headers, evaluated in RFC
 *       9110's order), {@link dev.catalog.http.EntityTags} (If-Match and If-None-Match syntax and comparison),
 *       {@link dev.catalog.http.HttpDate}; and {@link dev.catalog.http.MergePatch} (RFC 7396).
 *   <li>CORS: {@link dev.catalog.http.Cors}, {@link dev.catalog.http.PreflightHandler} and
 *       {@link dev.catalog.http.RouteMethods} (each path's methods, from the preflight function's
 *       {@code ROUTE_METHODS}).
 * </ul>
 */
package dev.catalog.http;

/**
 * The REST functions' HTTP layer, over the shared kernel ({@link dev.catalog.kernel}); it knows nothing of products.
 *
 * <ul>
 *   <li>{@link dev.catalog.http.ApiHandler}: the base of every REST function, on Lambda's stream interface: the proxy
 *       event and response read and written by {@link dev.catalog.http.ProxyEventCodec} (no reflective serializer),
 *       an {@link dev.catalog.http.ApiRequest}, the route's {@link dev.catalog.http.Permission} checked against the
 *       {@link dev.catalog.http.Caller} of the claims API Gateway's Cognito authorizer passes (401, 403), the query
 *       parameters the route takes, and everything thrown answered with the problem
 *       {@link dev.catalog.kernel.Failures#answer} maps it to (as the feed does); then the request line.
 *   <li>{@link dev.catalog.http.Problems} writes that problem as RFC 9457 problem+json.
 *   <li>Bodies: {@link dev.catalog.http.MediaTypes}; the body itself is read by the kernel's
 *       {@link dev.catalog.kernel.JsonBody}.
 *   <li>Conditional requests: {@link dev.catalog.http.Preconditions} (the conditional headers, evaluated in RFC
 *       9110's order), {@link dev.catalog.http.EntityTags} (If-Match and If-None-Match syntax and comparison),
 *       {@link dev.catalog.http.HttpDate}.
 *   <li>CORS: {@link dev.catalog.http.Cors}, {@link dev.catalog.http.PreflightHandler} and
 *       {@link dev.catalog.http.RouteMethods} (each path's methods, from the preflight function's
 *       {@code ROUTE_METHODS}).
 * </ul>
 */
package dev.catalog.http;

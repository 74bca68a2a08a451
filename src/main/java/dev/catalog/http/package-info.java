/**
 * The REST functions' HTTP layer, over the shared kernel ({@link dev.catalog.kernel}): the handler base class
 * (API Gateway's proxy event in, its response out), request and response, problem+json responses, conditional
 * requests, entity tags, HTTP dates, media types, callers and permissions, and CORS. It knows nothing of products.
 */
package dev.catalog.http;

/**
 * The small HTTP layer every function shares: the handler base class, request and response, problem+json errors,
 * strict JSON, conditional requests, merge patch and CORS. It knows nothing of products.
 */
package dev.catalog.http;

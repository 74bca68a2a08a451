package dev.catalog.local.events.http;

/**
 * The answers API Gateway's REST API gives on its own, without the function's response: status, the
 * {@code x-amzn-ErrorType} header, and the JSON body, spelled as API Gateway spells them.
 */
enum GatewayError {
  /** No route serves the path, or the route's resource does not serve the method. */
  MISSING_AUTHENTICATION_TOKEN(
      403,
      "MissingAuthenticationTokenException",
      "MISSING_AUTHENTICATION_TOKEN",
      "Missing Authentication Token",
      "{\"message\":\"Missing Authentication Token\"}"),
  /** The function threw, timed out, or returned something that is not a proxy response. */
  INTERNAL_SERVER_ERROR(
      502,
      "InternalServerErrorException",
      "DEFAULT_5XX",
      "Internal server error",
      "{\"message\": \"Internal server error\"}"),
  /** The function was still running when API Gateway's 29 s integration timeout ran out. */
  ENDPOINT_TIMED_OUT(
      504,
      "InternalServerErrorException",
      "INTEGRATION_TIMEOUT",
      "Endpoint request timed out",
      "{\"message\": \"Endpoint request timed out\"}"),
  /** The request body is over API Gateway's 10 MB payload limit. */
  REQUEST_TOO_LONG(
      413,
      "RequestTooLongException",
      "REQUEST_TOO_LARGE",
      "HTTP content length exceeded " + GatewayError.MAX_PAYLOAD_BYTES + " bytes.",
      "{\"message\":\"HTTP content length exceeded "
          + GatewayError.MAX_PAYLOAD_BYTES
          + " bytes.\"}");

  /** API Gateway's payload limit. */
  static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

  final int status;
  final String errorType;

  /** The gateway response type a template customises it by, e.g. in {@code GatewayResponses}. */
  final String responseType;

  /** {@code $context.error.messageString}, unquoted. */
  final String message;

  /** API Gateway's answer when the template customises nothing. */
  final String body;

  GatewayError(int status, String errorType, String responseType, String message, String body) {
    this.status = status;
    this.errorType = errorType;
    this.responseType = responseType;
    this.message = message;
    this.body = body;
  }
}

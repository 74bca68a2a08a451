package dev.catalog.local;

/**
 * The answers API Gateway's REST API gives on its own, without the function's response: status, the
 * {@code x-amzn-ErrorType} header, and the JSON body, spelled as API Gateway spells them.
 */
enum GatewayError {
  /** No route serves the path, or the route's resource does not serve the method. */
  MISSING_AUTHENTICATION_TOKEN(403, "MissingAuthenticationTokenException",
      "{\"message\":\"Missing Authentication Token\"}"),
  /** The function threw, timed out, or returned something that is not a proxy response. */
  INTERNAL_SERVER_ERROR(502, "InternalServerErrorException", "{\"message\": \"Internal server error\"}"),
  /** The function was still running when API Gateway's 29 s integration timeout ran out. */
  ENDPOINT_TIMED_OUT(504, "InternalServerErrorException", "{\"message\": \"Endpoint request timed out\"}"),
  /** The request body is over API Gateway's 10 MB payload limit. */
  REQUEST_TOO_LONG(413, "RequestTooLongException",
      "{\"message\":\"HTTP content length exceeded " + GatewayError.MAX_PAYLOAD_BYTES + " bytes.\"}");

  /** API Gateway's payload limit. */
  static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

  final int status;
  final String errorType;
  final String body;

  GatewayError(int status, String errorType, String body) {
    this.status = status;
    this.errorType = errorType;
    this.body = body;
  }
}

package dev.catalog.local.events.sns;

/**
 * An error SNS answers a request with: its code (the SDK maps it to its exception, e.g. {@code NotFound} to
 * {@code NotFoundException}), the HTTP status, and whether the sender is at fault.
 */
final class SnsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;
  private final boolean senderFault;

  SnsError(String code, int status, String message) {
    this(code, status, message, true);
  }

  SnsError(String code, int status, String message, boolean senderFault) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.senderFault = senderFault;
  }

  static SnsError invalidParameter(String message) {
    return new SnsError("InvalidParameter", 400, "Invalid parameter: " + message);
  }

  /** The code SNS gives a value it refuses, which the SDK raises as {@code InvalidParameterValueException}. */
  static SnsError invalidValue(String message) {
    return new SnsError("ParameterValueInvalid", 400, message);
  }

  static SnsError notFound(String message) {
    return new SnsError("NotFound", 404, message);
  }

  String code() {
    return code;
  }

  int status() {
    return status;
  }

  boolean senderFault() {
    return senderFault;
  }
}

package dev.catalog.kernel;

/**
 * The X-Ray trace id of the invocation being served, as Lambda hands it to a Java function: the system property
 * {@value #PROPERTY}, set by the runtime before each invocation, or else the variable {@value #VARIABLE}. Both hold
 * the trace header ({@code Root=1-...;Parent=...;Sampled=1}); the id is its {@code Root}, the form the X-Ray console
 * and CloudWatch search take. No tracing SDK is loaded for this.
 */
public final class TraceId {
  /** The system property the Lambda runtime sets to the invocation's trace header. */
  public static final String PROPERTY = "com.amazonaws.xray.traceHeader";

  static final String VARIABLE = "_X_AMZN_TRACE_ID";

  private TraceId() {}

  /** The current trace id, or null outside Lambda (tests, the local API) when no trace header is set. */
  public static String current() {
    String header = System.getProperty(PROPERTY);
    if (header == null || header.isEmpty()) {
      header = Environment.get(VARIABLE);
    }
    return header == null ? null : root(header);
  }

  /** The Root field of a trace header; a header without fields is taken as the id itself. */
  static String root(String header) {
    for (String field : header.split(";")) {
      String trimmed = field.strip();
      if (trimmed.startsWith("Root=")) {
        return trimmed.substring("Root=".length());
      }
    }
    return header.indexOf('=') < 0 && !header.isBlank() ? header.strip() : null;
  }
}

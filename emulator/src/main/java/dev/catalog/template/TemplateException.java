package dev.catalog.template;

/**
 * The one error raised for a template that cannot be used: a missing file, YAML that does not parse, a resource that
 * breaks the contract, or an intrinsic that cannot be resolved locally.
 *
 * <p>The message alone tells the user what to fix (file, logical id, property), so tools such as the local API print
 * {@link #getMessage()} and exit instead of dumping a stack trace.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}

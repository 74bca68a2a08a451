package dev.catalog.local.events.stream;

/**
 * Lambda's refusal to create an event source mapping (its InvalidParameterValueException), e.g. because the function's
 * role cannot send to the on-failure destination: the local tool does not start, as the deploy would roll back.
 */
public final class EventSourceMappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EventSourceMappingException(String message) {
    super(message);
  }
}

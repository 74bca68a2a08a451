package dev.catalog.local.events.stream;

/**
 * How an event source reaches a function of the local tool: one synchronous invocation with the event's JSON, as
 * Lambda's event source mappings invoke (the local Lambda runtime implements it, {@code LocalApi.invoker()}).
 */
@FunctionalInterface
public interface FunctionInvoker {
  /** How an invocation ended. */
  sealed interface Result {}

  /** The handler returned; {@code payload} is what it wrote (empty when nothing). */
  record Returned(byte[] payload) implements Result {}

  /** The handler, or its init, threw: a function error. */
  record Failed(Throwable error) implements Result {}

  /** The function ran past its Timeout: a function error too. */
  record TimedOut() implements Result {}

  Result invoke(String function, byte[] event) throws InterruptedException;
}

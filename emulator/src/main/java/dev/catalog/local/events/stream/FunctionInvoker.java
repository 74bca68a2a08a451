package dev.catalog.local.events.stream;

import dev.catalog.local.lambda.FunctionPool;
import dev.catalog.local.lambda.LocalFunctions;
import java.util.UUID;

/**
 * How an event source reaches a function of the local tool: one synchronous invocation with the event's JSON, as
 * Lambda's event source mappings invoke (the local Lambda runtime, {@link #of(LocalFunctions)}).
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

  /** The local Lambda runtime's functions, each invoked directly, as an event source mapping does. */
  static FunctionInvoker of(LocalFunctions functions) {
    return (function, event) ->
        switch (functions.pool(function).invokeDirect(event, UUID.randomUUID().toString())) {
          case FunctionPool.Returned returned -> new Returned((byte[]) returned.value());
          case FunctionPool.Failed failed -> new Failed(failed.error());
          case FunctionPool.TimedOut timedOut -> new TimedOut();
        };
  }
}

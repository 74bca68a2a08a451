package dev.catalog.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One instance of a function, like one Lambda execution environment: a handler object created by its no-argument
 * constructor, and a thread of its own (the function's class loader as its context loader) that runs the init and
 * then one invocation at a time. A discarded instance's thread is interrupted and never used again.
 */
final class FunctionInstance {
  private final LocalFunction function;
  private final int number;
  private final ExecutorService thread;
  private volatile Object handler;
  private final java.util.concurrent.atomic.AtomicInteger invocations =
      new java.util.concurrent.atomic.AtomicInteger();

  FunctionInstance(LocalFunction function, int number) {
    this.function = function;
    this.number = number;
    this.thread =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread worker = new Thread(task, function.name() + "#" + number);
              worker.setContextClassLoader(function.loader());
              // A handler stuck in a loop after its timeout must not keep the JVM alive.
              worker.setDaemon(true);
              return worker;
            });
  }

  int number() {
    return number;
  }

  /** Lambda's init phase: the constructor runs on the instance's own thread. */
  Future<Object> init() {
    return thread.submit(
        () -> {
          handler = rethrow(function::newHandler);
          return handler;
        });
  }

  /** Whether this instance has served no invocation yet: its next one is a cold start. */
  boolean cold() {
    return invocations.get() == 0;
  }

  /** @param event the REST proxy event object, or an event's JSON bytes */
  Future<Object> invoke(Object event, Context context) {
    invocations.incrementAndGet();
    return thread.submit(() -> rethrow(() -> function.invoke(handler, event, context)));
  }

  /** Interrupts whatever runs, and refuses further work. */
  void discard() {
    thread.shutdownNow();
  }

  /** Discards the instance and waits briefly for its thread to end. */
  void close() {
    discard();
    try {
      thread.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface Step {
    Object run() throws Throwable;
  }

  /** Lets Exceptions and Errors through unchanged for the Future to carry; wraps anything else. */
  private static Object rethrow(Step step) throws Exception {
    try {
      return step.run();
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable other) {
      throw new ExecutionException(other);
    }
  }
}

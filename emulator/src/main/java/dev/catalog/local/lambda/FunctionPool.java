package dev.catalog.local.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.catalog.local.lambda.snapstart.SnapStartHooks;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The instances of one function, scaled as Lambda scales: an idle instance takes the request, and when every instance
 * is busy a new one is created (optionally capped; at the cap a request waits for an instance instead of being
 * throttled). An invocation that fails or outlives the function's Timeout is reported on the console, and a timed-out
 * instance is discarded, never reused.
 */
public final class FunctionPool implements AutoCloseable {
  /** Lambda's limit for the init phase of an on-demand function. */
  static final Duration INIT_LIMIT = Duration.ofSeconds(10);

  /**
   * The limit here for the init of a SnapStart function, its beforeCheckpoint hooks included. Lambda runs that init
   * when it publishes a version, not while a request waits, and does not hold it to the on-demand 10 s.
   */
  static final Duration SNAPSHOT_INIT_LIMIT = Duration.ofSeconds(60);

  /** API Gateway's integration timeout: it answers 504 after this, whatever the function's Timeout. */
  static final Duration GATEWAY_LIMIT = Duration.ofSeconds(29);

  /** How an invocation ended. */
  public sealed interface Outcome {}

  /** The handler returned {@code value} (not yet checked to be a valid proxy response). */
  public record Returned(Object value) implements Outcome {}

  /** The handler, or its constructor, threw. */
  public record Failed(Throwable error) implements Outcome {}

  /** Still running after the function's Timeout, or after API Gateway's limit when that came first. */
  public record TimedOut(boolean byGateway) implements Outcome {}

  private final LocalFunction function;
  private final Supplier<Map<String, String>> environment;
  private final PrintStream console;
  private final Semaphore capacity;
  private final Deque<FunctionInstance> idle = new ConcurrentLinkedDeque<>();
  private final List<FunctionInstance> all = new CopyOnWriteArrayList<>();
  private final AtomicInteger created = new AtomicInteger();

  /**
   * @param environment the function's environment, asked for once, before its first instance
   * @param maxInstances at most this many instances at once; 0 for no cap
   */
  public FunctionPool(
      LocalFunction function,
      Supplier<Map<String, String>> environment,
      int maxInstances,
      PrintStream console) {
    this.function = function;
    this.environment = environment;
    this.console = console;
    this.capacity = new Semaphore(maxInstances > 0 ? maxInstances : Integer.MAX_VALUE, true);
  }

  public LocalFunction function() {
    return function;
  }

  /** Instances created since start, including discarded ones. */
  public int instancesCreated() {
    return created.get();
  }

  /**
   * Starts an instance ahead of the first request, unless one exists already (or the function fails to start):
   * silently, as it happens in the background after the ready line; a failure is reported as any other.
   */
  public void warm() {
    if (created.get() > 0 || !capacity.tryAcquire()) {
      return;
    }
    try {
      idle.addFirst(start(false));
    } catch (InstanceFailure reported) {
      // Already on the console; the first request will try again.
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } finally {
      capacity.release();
    }
  }

  /** Runs one invocation on an idle or new instance; {@code requestId} is API Gateway's, for the console. */
  public Outcome invoke(APIGatewayProxyRequestEvent event, String requestId)
      throws InterruptedException {
    return invoke(event, requestId, new java.util.concurrent.atomic.AtomicBoolean());
  }

  /** As {@link #invoke(APIGatewayProxyRequestEvent, String)}; sets {@code cold} when a new instance served it. */
  public Outcome invoke(
      APIGatewayProxyRequestEvent event,
      String requestId,
      java.util.concurrent.atomic.AtomicBoolean cold)
      throws InterruptedException {
    return invokeEvent(event, requestId, cold, true);
  }

  /**
   * Runs one invocation with an event's JSON, as Lambda passes it to a stream handler, through an API (the WebSocket
   * API: API Gateway's 29-second limit applies); {@link Returned} then holds the bytes the handler wrote.
   */
  public Outcome invoke(byte[] eventJson, String requestId) throws InterruptedException {
    return invokeEvent(eventJson, requestId, new java.util.concurrent.atomic.AtomicBoolean(), true);
  }

  /**
   * As {@link #invoke(byte[], String)}, for event sources that invoke a function directly (Lambda's event source
   * mappings, dev.catalog.local.events.stream): only the function's Timeout applies.
   */
  public Outcome invokeDirect(byte[] eventJson, String requestId) throws InterruptedException {
    return invokeEvent(
        eventJson, requestId, new java.util.concurrent.atomic.AtomicBoolean(), false);
  }

  private Outcome invokeEvent(
      Object event,
      String requestId,
      java.util.concurrent.atomic.AtomicBoolean cold,
      boolean viaGateway)
      throws InterruptedException {
    capacity.acquire();
    FunctionInstance instance = idle.pollFirst();
    try {
      if (instance == null) {
        instance = start(true);
      }
    } catch (InstanceFailure failure) {
      capacity.release();
      return failure.outcome;
    }
    boolean reusable = false;
    cold.set(instance.cold());
    try {
      Outcome outcome = call(instance, event, requestId, viaGateway);
      reusable = !(outcome instanceof TimedOut);
      return outcome;
    } finally {
      if (reusable) {
        idle.addFirst(instance);
      } else {
        discard(instance);
      }
      capacity.release();
    }
  }

  private Outcome call(
      FunctionInstance instance, Object event, String requestId, boolean viaGateway)
      throws InterruptedException {
    Duration timeout = Duration.ofSeconds(function.definition().timeoutSeconds());
    boolean gatewayFirst = viaGateway && GATEWAY_LIMIT.compareTo(timeout) < 0;
    Duration wait = gatewayFirst ? GATEWAY_LIMIT : timeout;
    var context =
        new LambdaContext(
            UUID.randomUUID().toString(),
            function,
            System.currentTimeMillis() + timeout.toMillis(),
            console);
    Future<Object> result = instance.invoke(event, context);
    try {
      return new Returned(result.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      report("request " + requestId + " failed: the handler threw", e.getCause());
      return new Failed(e.getCause());
    } catch (TimeoutException e) {
      console.printf(
          "[%s] request %s timed out after %d s (%s); instance %d discarded%n",
          function.name(),
          requestId,
          wait.toSeconds(),
          gatewayFirst ? "API Gateway's limit" : "the function's Timeout",
          instance.number());
      return new TimedOut(gatewayFirst);
    } catch (InterruptedException e) {
      result.cancel(true);
      throw e;
    }
  }

  /**
   * A new instance through Lambda's init phase, or the reason there is none.
   *
   * @param announce a console line for the instance started (a cold start a request waits for)
   */
  private FunctionInstance start(boolean announce) throws InstanceFailure, InterruptedException {
    synchronized (function) {
      if (function.environment() == null) {
        function.useEnvironment(environment.get());
      }
    }
    FunctionInstance instance = new FunctionInstance(function, created.incrementAndGet());
    all.add(instance);
    long started = System.nanoTime();
    try {
      instance.init().get(initLimit().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      discard(instance);
      if (e.getCause() instanceof SnapStartHooks.HookFailure hook) {
        console.printf(
            "[%s] instance %d: %s%n", function.name(), instance.number(), hook.getMessage());
      } else {
        report("instance " + instance.number() + " failed to initialise", e.getCause());
      }
      throw new InstanceFailure(new Failed(e.getCause()));
    } catch (TimeoutException e) {
      discard(instance);
      console.printf(
          "[%s] instance %d did not initialise within %d s%n",
          function.name(), instance.number(), initLimit().toSeconds());
      throw new InstanceFailure(new TimedOut(false));
    }
    if (announce) {
      console.printf(
          "[%s] instance %d started in %d ms%n",
          function.name(), instance.number(), (System.nanoTime() - started) / 1_000_000);
    }
    return instance;
  }

  private Duration initLimit() {
    return function.definition().snapStart() ? SNAPSHOT_INIT_LIMIT : INIT_LIMIT;
  }

  private void discard(FunctionInstance instance) {
    instance.discard();
    all.remove(instance);
  }

  private void report(String what, Throwable error) {
    synchronized (console) {
      console.printf("[%s] %s%n", function.name(), what);
      error.printStackTrace(console);
    }
  }

  /** Stops every instance and releases the function's class loader. */
  @Override
  public void close() {
    for (FunctionInstance instance : new ArrayList<>(all)) {
      instance.close();
    }
    all.clear();
    idle.clear();
    function.close();
  }

  /** Carries the outcome of an instance that could not be started. */
  private static final class InstanceFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Outcome outcome;

    InstanceFailure(Outcome outcome) {
      super(null, null, false, false);
      this.outcome = outcome;
    }
  }
}

package dev.catalog.kernel;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A function's SnapStart priming: runs its request path once before Lambda takes the snapshot, so a restored
 * container starts with its classes loaded and its code warm. Each function says only what it primes
 * ({@link Work}); the rest is shared and said here.
 *
 * <p>What a function primes stays within its own policy in template.yaml: a call beyond it gets AccessDenied. It writes
 * nothing, sends nothing and keeps nothing. Priming is only an optimization, so a failure of any kind is logged as
 * one line, without stack trace, and the snapshot goes ahead. Nothing needs renewing after a restore: credentials
 * come from the container endpoint under SnapStart, and clocks are read per use.
 */
public final class Priming implements Resource {
  /** What one function primes. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /** The container's hook, held here because CRaC keeps only weak references to registered resources. */
  private static Priming registered;

  private final Work work;

  public Priming(Work work) {
    this.work = work;
  }

  /**
   * Registers {@code work} as the container's priming hook on the first call; later calls change nothing, since a
   * container (a class loader, in the local emulator) runs one function.
   */
  public static synchronized void register(Work work) {
    if (registered == null) {
      registered = new Priming(work);
      Core.getGlobalContext().register(registered);
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> checkpoint) {
    try {
      work.run();
    } catch (Exception | LinkageError e) {
      Log.warning("SnapStart priming skipped; the snapshot is taken without it", e);
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> restore) {
    // Nothing to renew (see the class comment).
  }
}

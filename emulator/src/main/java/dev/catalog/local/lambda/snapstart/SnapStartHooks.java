package dev.catalog.local.lambda.snapstart;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * SnapStart's lifecycle for one function, locally: Lambda runs the CRaC {@code beforeCheckpoint} hooks the function
 * registered once, when it publishes a version, and the {@code afterRestore} hooks in every execution environment it
 * restores from the snapshot. Here the first instance runs both, and every later one {@code afterRestore}, on the
 * instance's thread, so the hooks' AWS calls carry the function's identity and meet its policy.
 *
 * <p>The hooks are those registered through {@code org.crac} in the function's own class loader, which delegates to
 * the implementation in {@link dev.catalog.local.lambda.snapstart.crac} ({@link #install()}).
 */
public final class SnapStartHooks {
  /** The system property through which {@code org.crac.Core} finds an implementation. */
  static final String COMPAT_PROPERTY = "org.crac.Core.Compat";

  public static final String COMPAT_PACKAGE = "dev.catalog.local.lambda.snapstart.crac";

  private final ClassLoader loader;
  private boolean checkpointed;

  public SnapStartHooks(ClassLoader loader) {
    this.loader = loader;
  }

  /** Makes {@code org.crac} in every function loaded from now on delegate to the local implementation. */
  public static void install() {
    if (System.getProperty(COMPAT_PROPERTY) == null) {
      System.setProperty(COMPAT_PROPERTY, COMPAT_PACKAGE);
    }
  }

  /**
   * Runs the hooks for a new instance: {@code beforeCheckpoint} unless a snapshot was taken already, then
   * {@code afterRestore}.
   *
   * @throws HookFailure naming the phase and every hook's failure, in one line
   */
  public synchronized void restoreInstance() throws HookFailure {
    Object context = globalContext();
    if (!checkpointed) {
      run(
          context,
          "beforeCheckpoint",
          "the snapshot cannot be taken, so publishing a version would fail"
              + " (BeforeCheckpointError)");
      checkpointed = true;
    }
    run(
        context,
        "afterRestore",
        "a restored execution environment would fail to start (AfterRestoreError)");
  }

  private Object globalContext() throws HookFailure {
    try {
      return Class.forName(COMPAT_PACKAGE + ".Core", true, loader)
          .getMethod("getGlobalContext")
          .invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new HookFailure("cannot reach the function's CRaC context: " + e);
    }
  }

  private void run(Object context, String phase, String consequence) throws HookFailure {
    try {
      Class<?> contextType = Class.forName(COMPAT_PACKAGE + ".Context", false, loader);
      Method hook = contextType.getMethod(phase, contextType);
      hook.invoke(context, new Object[] {null});
    } catch (InvocationTargetException e) {
      Throwable failure = e.getCause();
      Throwable[] causes =
          failure.getSuppressed().length > 0 ? failure.getSuppressed() : new Throwable[] {failure};
      StringBuilder reasons = new StringBuilder();
      for (Throwable cause : causes) {
        Throwable shown =
            cause instanceof UndeclaredThrowableException undeclared
                    && undeclared.getCause() != null
                ? undeclared.getCause()
                : cause;
        reasons.append(reasons.isEmpty() ? "" : "; ").append(shown);
      }
      throw new HookFailure(
          "SnapStart "
              + phase
              + " hook failed: "
              + reasons.toString().replace('\n', ' ')
              + "; "
              + consequence);
    } catch (ReflectiveOperationException e) {
      throw new HookFailure("cannot run the " + phase + " hooks: " + e);
    }
  }

  /** A hook failed; the message is the one line the console shows. */
  public static final class HookFailure extends Exception {
    private static final long serialVersionUID = 1L;

    HookFailure(String message) {
      super(message, null, false, false);
    }
  }
}

package dev.catalog.local.lambda.snapstart.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The function's global context: resources are notified before a checkpoint in the reverse order of their
 * registration, and after a restore in their order, as CRaC specifies. A failing resource does not stop the others;
 * the failures are collected in one exception, as Lambda's runtime reports them.
 */
public final class Core {
  private static final Global GLOBAL = new Global();

  private Core() {}

  public static Context<Resource> getGlobalContext() {
    return GLOBAL;
  }

  /** Only the emulator checkpoints, through the global context. */
  public static void checkpointRestore() throws CheckpointException, RestoreException {
    throw new UnsupportedOperationException("A local function cannot ask for a checkpoint");
  }

  private static final class Global extends Context<Resource> {
    private final List<Resource> resources = new ArrayList<>();

    @Override
    public synchronized void register(Resource resource) {
      resources.add(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
      CheckpointException failures = new CheckpointException();
      List<Resource> reversed = new ArrayList<>(registered());
      java.util.Collections.reverse(reversed);
      for (Resource resource : reversed) {
        try {
          resource.beforeCheckpoint(this);
        } catch (Exception e) {
          failures.addSuppressed(e);
        }
      }
      if (failures.getSuppressed().length > 0) {
        throw failures;
      }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
      RestoreException failures = new RestoreException();
      for (Resource resource : registered()) {
        try {
          resource.afterRestore(this);
        } catch (Exception e) {
          failures.addSuppressed(e);
        }
      }
      if (failures.getSuppressed().length > 0) {
        throw failures;
      }
    }

    private synchronized List<Resource> registered() {
      return List.copyOf(resources);
    }
  }
}

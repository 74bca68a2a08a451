package dev.catalog.local.lambda.snapstart.crac;

/** A resource told of a checkpoint and a restore; {@code org.crac}'s resources reach here through a proxy. */
public interface Resource {
  void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

  void afterRestore(Context<? extends Resource> context) throws Exception;
}

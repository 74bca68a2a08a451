package dev.catalog.local.lambda.snapstart.crac;

/** A group of resources notified together; see {@link Core#getGlobalContext()}. */
public abstract class Context<R extends Resource> implements Resource {
  protected Context() {}

  public abstract void register(R resource);
}

package dev.catalog.local.dynamodb;

import java.net.URI;

/**
 * A DynamoDB endpoint in front of another one, such as a proxy that injects faults: a local system started with one
 * points its functions at {@link #url()} instead, and closes it with the rest.
 */
public interface DynamoDbFront extends AutoCloseable {
  /** Where the functions send their DynamoDB calls, e.g. {@code http://127.0.0.1:41234}. */
  URI url();

  @Override
  void close();
}

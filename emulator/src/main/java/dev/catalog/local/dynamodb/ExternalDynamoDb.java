package dev.catalog.local.dynamodb;

import java.net.URI;

/**
 * A DynamoDB someone else runs, e.g. DynamoDB Local in a container ({@code ./mvnw -Plocal -Dlocal.dynamodb=URL}):
 * nothing to start or stop, reached with the default region and static local credentials, which DynamoDB Local
 * accepts whatever they are.
 *
 * @param endpoint e.g. {@code http://localhost:8000}
 */
public record ExternalDynamoDb(URI endpoint) implements DynamoDbTarget {
  /** It is not ours to stop. */
  @Override
  public void close() {}
}

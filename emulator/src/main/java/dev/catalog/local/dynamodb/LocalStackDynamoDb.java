package dev.catalog.local.dynamodb;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * DynamoDB of LocalStack in a Testcontainers-managed container: a second opinion on behaviour DynamoDB Local may not
 * share. Needs a Docker engine; the image is pinned (override with {@code -Dlocalstack.image=...}) so a run does not
 * change under us when {@code latest} moves.
 */
public final class LocalStackDynamoDb implements DynamoDbTarget {
  public static final String IMAGE_PROPERTY = "localstack.image";
  public static final String DEFAULT_IMAGE = "localstack/localstack:4.0";

  private final LocalStackContainer container;

  private LocalStackDynamoDb(LocalStackContainer container) {
    this.container = container;
  }

  /** Whether Testcontainers can reach a Docker engine; asked before starting, so a missing engine is a skip. */
  public static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  /** Starts the container (pulling the image when needed) and waits until LocalStack is ready. */
  public static LocalStackDynamoDb start() {
    var image =
        DockerImageName.parse(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE))
            .asCompatibleSubstituteFor("localstack/localstack");
    LocalStackContainer container = new LocalStackContainer(image).withServices(Service.DYNAMODB);
    container.start();
    return new LocalStackDynamoDb(container);
  }

  @Override
  public URI endpoint() {
    return container.getEndpointOverride(Service.DYNAMODB);
  }

  @Override
  public String region() {
    return container.getRegion();
  }

  @Override
  public AwsBasicCredentials credentials() {
    return AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey());
  }

  @Override
  public void close() {
    container.stop();
  }
}

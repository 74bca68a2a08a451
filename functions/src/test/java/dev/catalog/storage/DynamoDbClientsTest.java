package dev.catalog.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.catalog.kernel.Environment;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;

/** Credentials come from what Lambda provides, without the SDK's provider chain. */
class DynamoDbClientsTest {
  @AfterEach
  void restoreTheProcessEnvironment() {
    Environment.use(System.getenv());
  }

  @Test
  void credentialsAreTheExecutionRolesSessionKeysFromTheEnvironment() {
    Environment.use(
        Map.of(
            "AWS_ACCESS_KEY_ID",
            "AKID",
            "AWS_SECRET_ACCESS_KEY",
            "secret",
            "AWS_SESSION_TOKEN",
            "token"));

    var credentials =
        assertInstanceOf(
            AwsSessionCredentials.class, DynamoDbClients.credentials().resolveCredentials());
    assertEquals("AKID", credentials.accessKeyId());
    assertEquals("token", credentials.sessionToken());
  }

  @Test
  void credentialsWithoutASessionTokenAreBasic() {
    Environment.use(Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));

    assertInstanceOf(AwsBasicCredentials.class, DynamoDbClients.credentials().resolveCredentials());
  }

  @Test
  void underSnapStartCredentialsComeFromTheContainerEndpoint() {
    Environment.use(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/credentials"));

    assertInstanceOf(ContainerCredentialsProvider.class, DynamoDbClients.credentials());
  }
}

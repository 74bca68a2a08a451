package dev.catalog.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.catalog.kernel.Priming;
import dev.catalog.testing.CapturedOutput;
import dev.catalog.testing.DynamoDbLocal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The SnapStart priming hook of ProductEventsFunction runs its whole path but the network: it publishes nothing. */
class ProductEventsPrimingTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();

  @Test
  void primingRunsThePathWithoutAFailureAndPublishesAndPrintsNothing() {
    Map<String, String> environment = DYNAMO.environment("ProductEventsFunction");
    EventPublisher publisher =
        new EventPublisher(
            SnsClients.build(
                environment.get("AWS_REGION"),
                environment.get("SNS_ENDPOINT"),
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"),
                        environment.get("AWS_SECRET_ACCESS_KEY")))),
            environment.get("PRODUCT_EVENTS_TOPIC_ARN"));
    try (CapturedOutput output = CapturedOutput.start()) {
      new Priming(() -> ProductEventsPriming.prime(publisher, new ProductEvents(5)))
          .beforeCheckpoint(null);
      assertEquals(List.of(), output.lines(), "a failure would be logged as a WARN line");
    }
    assertEquals(List.of(), DYNAMO.sns().messages());
  }
}

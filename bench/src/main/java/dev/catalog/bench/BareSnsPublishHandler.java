package dev.catalog.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.catalog.events.SnsClients;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The SNS module's counterpart of {@link BareGetItemHandler}: one {@code Publish} (a small body, one attribute) with
 * the product events function's own client ({@link SnsClients}), nothing else, on the same runtime path as the
 * GetItem reference. The gap between the two is what the SNS module costs against the DynamoDB one.
 */
public final class BareSnsPublishHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  private static final String TOPIC = System.getenv("PRODUCT_EVENTS_TOPIC_ARN");
  private static final SnsClient SNS = SnsClients.fromEnvironment();

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    SNS.publish(
        publish ->
            publish
                .topicArn(TOPIC)
                .message("{\"bench\":true}")
                .messageAttributes(
                    Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue("bench")
                            .build())));
    return new APIGatewayProxyResponseEvent().withStatusCode(200);
  }
}

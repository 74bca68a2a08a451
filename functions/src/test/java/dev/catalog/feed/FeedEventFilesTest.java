package dev.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.feed.connections.Topic;
import dev.catalog.feed.fanout.ConnectionsApi;
import dev.catalog.feed.fanout.FanOut;
import dev.catalog.feed.fanout.FeedFanOutHandler;
import dev.catalog.testing.DynamoDbLocal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/**
 * The feed's events in events/ (what {@code sam local invoke -e} and the local tool's {@code -Dinvoke=} send) drive
 * each function in a realistic order: connect with two categories, subscribe, unsubscribe, an unknown action, the
 * disconnect, then a change that no connection is left to receive.
 */
class FeedEventFilesTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO = new DynamoDbLocal();
  static final FeedFunctions FEED = new FeedFunctions(DYNAMO);
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String CONNECTION = "L0SM9cOFvHcCIhw=";

  /**
   * Invokes the handler with its event file, whose connection opened at a fixed time: that time becomes now, as
   * API Gateway would send it, or the items written would be past their TTL (two hours on) and DynamoDB Local,
   * which deletes expired items, could remove them during the test.
   */
  static JsonNode invoke(RequestStreamHandler handler, String function) throws IOException {
    JsonNode event = MAPPER.readTree(Files.readAllBytes(Path.of("events", function + ".json")));
    if (event.path("requestContext").has("connectedAt")) {
      ((ObjectNode) event.get("requestContext")).put("connectedAt", System.currentTimeMillis());
    }
    var out = new ByteArrayOutputStream();
    try (InputStream in = new ByteArrayInputStream(MAPPER.writeValueAsBytes(event))) {
      handler.handleRequest(in, out, null);
    }
    return MAPPER.readTree(out.toByteArray());
  }

  @Test
  void eachFeedFunctionAnswersItsEventFileAsDocumented() throws IOException {
    assertEquals(200, invoke(FEED.connect(), "FeedConnectFunction").get("statusCode").asInt());
    assertEquals(
        Set.of(Topic.category("lighting"), Topic.category("kitchen")),
        FEED.admin().topics(CONNECTION));

    JsonNode subscribed = invoke(FEED.subscribe(), "FeedSubscribeFunction");
    assertEquals(
        "{\"type\":\"subscribed\",\"categories\":[\"garden\"],\"all\":true}",
        subscribed.get("body").asText());
    JsonNode unsubscribed = invoke(FEED.unsubscribe(), "FeedUnsubscribeFunction");
    assertEquals(200, unsubscribed.get("statusCode").asInt());
    assertEquals(
        Set.of(Topic.category("lighting"), Topic.category("garden"), Topic.all()),
        FEED.admin().topics(CONNECTION));

    JsonNode unknown = invoke(new DefaultRouteHandler(), "FeedDefaultFunction");
    assertEquals(400, unknown.get("statusCode").asInt());
    assertEquals(
        "urn:products-api:problem:unknown-action",
        MAPPER.readTree(unknown.get("body").asText()).path("problem").path("type").asText());

    assertEquals(
        200, invoke(FEED.disconnect(), "FeedDisconnectFunction").get("statusCode").asInt());
    assertEquals(Set.of(), FEED.admin().topics(CONNECTION));

    // No connection is left, so nothing is posted: the management endpoint is never reached.
    var fanOut =
        new FeedFanOutHandler(
            new FanOut(
                FEED.store("FeedFanOutFunction"),
                new ConnectionsApi(
                    ConnectionsApi.client(
                        "http://127.0.0.1:9",
                        "us-east-1",
                        AnonymousCredentialsProvider.create()))));
    assertEquals("{\"batchItemFailures\":[]}", invoke(fanOut, "FeedFanOutFunction").toString());
  }
}
